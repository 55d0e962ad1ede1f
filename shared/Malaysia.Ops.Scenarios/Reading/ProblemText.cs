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
