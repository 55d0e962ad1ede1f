namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>Scalars that break naive readers: numbers at and past the limits of a double or an
/// int, dates at the ends of the calendar, zones that do not exist, text a problem message
/// must not break on (newlines, control characters, very long), and YAML syntax where a plain
/// value was expected.</summary>
internal static class EdgeValues
{
    public static IReadOnlyList<string> All { get; } =
    [
        "", "~", "null", "\"\"", "''", " ",
        "0", "-0", "-1", "-999999", "1e308", "-1e308", "1e309", "1e-308", "4.9e-324",
        "NaN", ".nan", ".NaN", "Infinity", "-Infinity", ".inf", "-.inf",
        "99999999999999999999999999999999999999", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
        "0x1F", "0o17", "1_000", "+12", "1,5", "12abc", "true", "yes", "no",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00",
        "0000-00-00", "2026-02-30T00:00:00Z", "2026-07-13T00:00:00+25:00", "2026-07-13T24:00:00Z", "1969-12-31T23:59:59Z",
        "3000-12-31T00:00:00Z", "3001-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
        "Mars/Olympus_Mons", "../../../etc/passwd", "/etc/localtime", "UTC", "Etc/GMT+14", "Etc/GMT-15", "\"Asia/Kuala_Lumpur\\u0000\"",
        "24:00", "25:61", "23:59-00:00", "00:00-00:00", "25:61-08:00", "08:00-20:00-21:00", "-", "\"08:00 - 20:00\"",
        "Kuala Lumpur \U0001F30F \u2603 \u0645\u0631\u062D\u0628\u0627", "\"\\u202Eevil\"", "\"\\uD800\"", "\"\\U0010FFFF\"",
        "\"a\\u0007b\\u001Bc\"", "\"line one\\nline two\"", "\"carriage\\rreturn\"", "\"tab\\there\"", "\"\\0\"", "\"\\x85next line\\u2028sep\"",
        "\t", "\ttabbed", "'single ''quoted'''", "\"unterminated", "'unterminated",
        "[]", "{}", "[1, [2, [3]]]", "{a: {b: {c: d}}}", "*undefined", "&anchor value", "!!binary AAAA", "!custom x", "!!int 12", "!!float .nan",
        "? complex", "|", ">-", "%TAG ! tag:x,2000:", "---", "...", "#", "- item", ": colon", "@reserved", "`reserved",
        new string('x', 100_000), "\"" + new string('\u00e9', 20_000) + "\"", string.Concat(Enumerable.Repeat("9", 5_000)),
    ];
}
