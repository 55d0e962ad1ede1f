using System.Text;

namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>
/// Files built to exhaust a YAML reader rather than to look like a scenario: nesting thousands
/// deep, alias bombs ("billion laughs"), complex and anchored keys, duplicate keys, many
/// documents, byte-order marks and foreign line endings, binary garbage. Each is placed both at
/// the root and under the fields the loader walks into, so that the reader and the mapping are
/// both exercised.
/// </summary>
internal static class HostileYaml
{
    private const int DeepNesting = 100_000;

    // Fields of the valid scenario (as written there) that each edge value is put into.
    private static readonly string[] EdgeFields = ["start: 2026-07-13T00:00:00Z", "days: 2", "timeZone: America/New_York", "at: 2026-07-13T23:30:00Z"];

    public static IEnumerable<FuzzInput> All(string validScenario, Random random)
    {
        foreach (var field in EdgeFields)
        {
            var key = field[..(field.IndexOf(':', StringComparison.Ordinal) + 1)];
            foreach (var value in EdgeValues.All)
            {
                yield return Text($"'{key}' set to edge value {EdgeValues.All.ToList().IndexOf(value)}", validScenario.Replace(field, $"{key} {value}", StringComparison.Ordinal));
            }
        }

        foreach (var depth in new[] { 31, 32, 33, 64, 10_000, DeepNesting })
        {
            // Each level of a block mapping is indented one more: a thousand levels are half a
            // million characters already.
            var blockDepth = Math.Min(depth, 1_000);
            yield return Text($"block mappings {blockDepth} deep", string.Concat(Enumerable.Range(0, blockDepth).Select(i => $"{new string(' ', i)}a:\n")));
            yield return Text($"block sequences {depth} deep", string.Concat(Enumerable.Repeat("- ", depth)) + "x\n");
            yield return Text($"flow sequences {depth} deep", new string('[', depth) + new string(']', depth));
            yield return Text($"flow mappings {depth} deep", string.Concat(Enumerable.Repeat("{a: ", depth)) + "b" + new string('}', depth));
            yield return Text($"flow sequences {depth} deep, never closed", "desks: " + new string('[', depth));
            yield return Text($"flow sequences {depth} deep under desks", $"{validScenario}\ncompare: {new string('[', depth)}{new string(']', depth)}\n");
            yield return Text($"incident {depth} deep", $"{validScenario}\nrehearsal: {{ humanDesks: {new string('[', depth)}us{new string(']', depth)} }}\n");
        }

        foreach (var (levels, width) in new[] { (3, 3), (9, 10), (20, 10) })
        {
            var bomb = AliasBomb(levels, width);
            yield return Text($"alias bomb {width}^{levels} at the root", bomb + $"name: *l{levels - 1}\n");
            yield return Text($"alias bomb {width}^{levels} as incidents", $"{validScenario.Replace("incidents:", "ignored:", StringComparison.Ordinal)}\n{bomb}incidents: *l{levels - 1}\n");
            yield return Text($"alias bomb {width}^{levels} as desks", $"{bomb}desks: *l{levels - 1}\n");
            yield return Text($"alias bomb {width}^{levels} as a key", $"{bomb}? *l{levels - 1}\n: x\n");
        }

        yield return Text("an alias used 10,000 times", "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 10_000)) + "]\n");
        yield return Text("an alias to itself", "a: &a [*a]\n");
        yield return Text("an alias before its anchor", "a: *a\nb: &a x\n");
        yield return Text("an undefined alias", "name: *nowhere\n");
        yield return Text("the desks reused through an alias", validScenario.Replace("desks:", "desks: &d", StringComparison.Ordinal) + "compare: [ { name: again, description: same, desks: *d } ]\n");
        yield return Text("the same desks reused 1,000 times", validScenario.Replace("desks:", "desks: &d", StringComparison.Ordinal) + "compare:\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"  - {{ name: t{i}, description: same, desks: *d }}\n")));

        yield return Text("a complex key", "? [a, b]\n: c\n");
        yield return Text("a mapping as key", "{a: 1}: x\n");
        yield return Text("a complex key in a desk", validScenario.Replace("  - id: us", "  - ? [id]\n    : us\n    id: us", StringComparison.Ordinal));
        yield return Text("an anchor on a key", validScenario.Replace("name: test", "&k name: test", StringComparison.Ordinal));
        yield return Text("an alias as key", validScenario.Replace("name: test", "&k name: test\n*k : again", StringComparison.Ordinal));
        yield return Text("an anchored mapping as key under an alias", "? &m {a: b}\n: 1\n? *m\n: 2\n");
        yield return Text("a null key", "~: x\n" + validScenario);
        yield return Text("an empty key", ": x\n" + validScenario);
        yield return Text("a merge key", "base: &b { incidentsPerHour: 4 }\n" + validScenario.Replace("  incidentsPerHour: 4", "  <<: *b", StringComparison.Ordinal));
        yield return Text("a tagged key", "!!binary bmFtZQ==: x\n" + validScenario);

        yield return Text("a duplicate key", validScenario + "name: twice\n");
        yield return Text("a key duplicated by quoting", validScenario + "\"name\": twice\n");
        yield return Text("100,000 keys", string.Concat(Enumerable.Range(0, 100_000).Select(i => $"k{i}: {i}\n")));
        yield return Text("60,000 keys", string.Concat(Enumerable.Range(0, 60_000).Select(i => $"k{i}: {i}\n")));
        yield return Text("a 1,000,000-character key", new string('k', 1_000_000) + ": x\n");
        yield return Text("a 5,000,000-character line", "description: " + new string('x', 5_000_000) + "\n");
        foreach (var incidents in new[] { 10_000, 100_000 })
        {
            yield return Text($"{incidents} incidents", validScenario.Replace("incidents:", "ignored:", StringComparison.Ordinal) + "incidents:\n" + string.Concat(Enumerable.Repeat("  - { at: 2026-07-13T01:00:00Z, type: GpuNodeFailure, severity: Sev1, cluster: c, workMinutes: 1 }\n", incidents)));
        }

        yield return Text("two documents", validScenario + "---\n" + validScenario);
        yield return Text("10,000 documents", string.Concat(Enumerable.Repeat("---\na: b\n", 10_000)));
        yield return Text("an empty document then the scenario", "---\n...\n---\n" + validScenario);
        yield return Text("directives", "%YAML 1.2\n%TAG ! tag:example.com,2000:\n---\n" + validScenario);
        yield return Text("a repeated YAML directive", "%YAML 1.1\n%YAML 1.1\n---\n" + validScenario);
        yield return Text("only a document end", "...\n");
        yield return Text("only comments", "# nothing\n# here\n");
        yield return Text("an empty file", string.Empty);
        yield return Text("whitespace only", "   \n\t\n  ");

        var utf8 = Encoding.UTF8.GetBytes(validScenario);
        yield return new FuzzInput("a UTF-8 byte-order mark", [0xEF, 0xBB, 0xBF, .. utf8]);
        yield return new FuzzInput("two UTF-8 byte-order marks", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. utf8]);
        yield return new FuzzInput("a byte-order mark in the middle", [.. utf8[..40], 0xEF, 0xBB, 0xBF, .. utf8[40..]]);
        yield return new FuzzInput("UTF-16 LE with its mark", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(validScenario)).ToArray());
        yield return new FuzzInput("UTF-16 BE with its mark", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(validScenario)).ToArray());
        yield return new FuzzInput("UTF-32 LE with its mark", Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(validScenario)).ToArray());
        yield return new FuzzInput("UTF-16 LE without a mark", Encoding.Unicode.GetBytes(validScenario));
        yield return new FuzzInput("Latin-1 accents", Encoding.Latin1.GetBytes(validScenario.Replace("A scenario", "Un scénario", StringComparison.Ordinal)));
        yield return Text("CRLF line endings", validScenario.Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return Text("CR line endings", validScenario.Replace("\n", "\r", StringComparison.Ordinal));
        yield return Text("NEL line endings", validScenario.Replace("\n", "\u0085", StringComparison.Ordinal));
        yield return Text("NUL bytes", validScenario.Replace("days: 2", "days: 2\0\0", StringComparison.Ordinal));
        yield return Text("a tab-indented file", validScenario.Replace("  ", "\t", StringComparison.Ordinal));
        yield return Text("unknown tags", "name: !!python/object:os.system x\nstart: !<tag:example.com,2000:instant> 2026-07-13T00:00:00Z\n");

        foreach (var length in new[] { 1, 2, 3, 16, 255, 4_096, 65_536, 1_000_000 })
        {
            var garbage = new byte[length];
            random.NextBytes(garbage);
            yield return new FuzzInput($"{length} random bytes", garbage);
        }

        var printable = new char[10_000];
        const string yamlCharacters = "[]{}:-?&*!|>'\"%@`#,\n \t\\ab1";
        for (var i = 0; i < 50; i++)
        {
            for (var c = 0; c < printable.Length; c++)
            {
                printable[c] = yamlCharacters[random.Next(yamlCharacters.Length)];
            }

            yield return Text($"YAML punctuation soup {i}", new string(printable, 0, random.Next(1, printable.Length)));
        }
    }

    private static FuzzInput Text(string origin, string text) => new(origin, Encoding.UTF8.GetBytes(text));

    /// <summary>"Billion laughs": each level a list of <paramref name="width"/> aliases of the
    /// level below, so that the last level stands for width^levels scalars.</summary>
    private static string AliasBomb(int levels, int width)
    {
        var text = new StringBuilder("l0: &l0 lol\n");
        for (var level = 1; level < levels; level++)
        {
            text.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", width))}]\n");
        }

        return text.ToString();
    }
}
