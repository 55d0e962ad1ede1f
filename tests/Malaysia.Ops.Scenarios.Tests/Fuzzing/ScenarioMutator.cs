using System.Text;

namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>
/// Breaks a valid scenario the ways files really get broken (a line lost or pasted twice, a
/// file cut short, indentation shifted, a value mistyped) and the ways hostile files are: edge
/// values for every scalar, garbage bytes. Each mutant is one to three mutations stacked, so
/// that problems are also found in combination.
/// </summary>
internal sealed class ScenarioMutator(Random random)
{
    private delegate string Mutation(string text, out string what);

    public FuzzInput Mutate(string name, string text)
    {
        Mutation[] mutations = [DeleteLine, DuplicateLine, SwapLines, ShiftIndentation, ReplaceScalar, ReplaceScalar, ReplaceScalar, InsertUnknownField, ToCrLf];
        var steps = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            text = mutations[random.Next(mutations.Length)](text, out var what);
            steps.Add(what);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        switch (random.Next(8))
        {
            case 0:
                var cut = random.Next(bytes.Length + 1);
                steps.Add($"truncated at byte {cut}");
                bytes = bytes[..cut];
                break;
            case 1:
                var flips = random.Next(1, 8);
                for (var i = 0; i < flips && bytes.Length > 0; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                steps.Add($"{flips} random bytes");
                break;
        }

        return new FuzzInput($"{name}: {string.Join("; ", steps)}", bytes);
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    private string DeleteLine(string text, out string what)
    {
        var lines = Lines(text).ToList();
        var at = random.Next(lines.Count);
        lines.RemoveAt(at);
        what = $"line {at + 1} deleted";
        return Join(lines);
    }

    private string DuplicateLine(string text, out string what)
    {
        var lines = Lines(text).ToList();
        var at = random.Next(lines.Count);
        lines.Insert(at, lines[at]);
        what = $"line {at + 1} duplicated";
        return Join(lines);
    }

    private string SwapLines(string text, out string what)
    {
        var lines = Lines(text);
        var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        what = $"lines {a + 1} and {b + 1} swapped";
        return Join(lines);
    }

    private string ShiftIndentation(string text, out string what)
    {
        var lines = Lines(text);
        var at = random.Next(lines.Length);
        var line = lines[at];
        var body = line.TrimStart(' ');
        var indent = line.Length - body.Length;
        lines[at] = random.Next(4) switch
        {
            0 => new string(' ', indent + random.Next(1, 3)) + body,
            1 => new string(' ', Math.Max(0, indent - random.Next(1, 3))) + body,
            2 => new string('\t', Math.Max(1, indent / 2)) + body,
            _ => body,
        };
        what = $"indentation of line {at + 1} changed";
        return Join(lines);
    }

    /// <summary>The value after "key:" (or after "- ") on a random line, replaced by an edge
    /// value; flow mappings ("{ a: 1, b: 2 }") have one of their values replaced instead.</summary>
    private string ReplaceScalar(string text, out string what)
    {
        var lines = Lines(text);
        var candidates = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(':', StringComparison.Ordinal) || lines[i].TrimStart().StartsWith('-')).ToList();
        var value = EdgeValues.All[random.Next(EdgeValues.All.Count)];
        what = $"a value replaced by '{Shorten(value)}'";
        if (candidates.Count == 0)
        {
            return text;
        }

        var at = candidates[random.Next(candidates.Count)];
        var line = lines[at];
        var colons = Enumerable.Range(0, line.Length).Where(i => line[i] == ':' && (i + 1 == line.Length || line[i + 1] == ' ')).ToList();
        if (colons.Count > 0)
        {
            var colon = colons[random.Next(colons.Count)];
            var end = line.IndexOfAny([',', '}'], colon);
            var rest = end < 0 ? string.Empty : line[end..];
            lines[at] = $"{line[..(colon + 1)]} {value}{rest}";
        }
        else
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            lines[at] = $"{line[..(dash + 1)]} {value}";
        }

        what += $" on line {at + 1}";
        return Join(lines);
    }

    private string InsertUnknownField(string text, out string what)
    {
        var lines = Lines(text).ToList();
        var at = random.Next(lines.Count + 1);
        var indent = new string(' ', random.Next(0, 3) * 2);
        lines.Insert(at, $"{indent}unexpected{random.Next(100)}: {EdgeValues.All[random.Next(EdgeValues.All.Count)]}");
        what = $"a field inserted at line {at + 1}";
        return Join(lines);
    }

    private string ToCrLf(string text, out string what)
    {
        var ending = random.Next(3) switch { 0 => "\r\n", 1 => "\r", _ => "\u2028" };
        what = $"line endings {Shorten(ending)}";
        return text.Replace("\n", ending, StringComparison.Ordinal);
    }

    private static string Shorten(string value)
    {
        var shown = value.Length > 24 ? $"{value[..24]}... ({value.Length} chars)" : value;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
