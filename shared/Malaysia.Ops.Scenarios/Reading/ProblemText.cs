using System.Globalization;
using System.Text;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>
/// Keeps a problem on one line. Problems quote what the author wrote, and a quoted value or key
/// may hold a newline, a tab, a terminal escape or a Unicode line separator; printed as they are,
/// they would split the problem or garble the terminal, and the "file:line:column" link would no
/// longer start the line. Such characters are written as escapes instead ("\n", "\u001b").
/// </summary>
internal static class ProblemText
{
    /// <summary>The most characters of what the author wrote that a problem quotes: enough to
    /// recognise the value, where a pasted paragraph or a megabyte of garbage would bury the
    /// problem itself.</summary>
    public const int MaxQuoted = 60;

    /// <summary>The author's text in quotes, shortened past <see cref="MaxQuoted"/> characters
    /// with its length given: "'xxxx...' (100000 characters)".</summary>
    public static string Quote(string? text) =>
        text is { Length: > MaxQuoted } ? $"'{Shorten(text)}' ({text.Length} characters)" : $"'{text}'";

    /// <summary>The author's text, shortened past <see cref="MaxQuoted"/> characters with "...",
    /// without splitting a character written as two UTF-16 units.</summary>
    public static string Shorten(string text)
    {
        if (text.Length <= MaxQuoted)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted;
        return text[..cut] + "...";
    }

    public static string OneLine(string text)
    {
        if (!text.Any(Breaks))
        {
            return text;
        }

        var line = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            line.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when Breaks(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return line.ToString();
    }

    /// <summary>Control characters (C0, DEL, C1, including NEL) and the Unicode line and
    /// paragraph separators.</summary>
    private static bool Breaks(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
