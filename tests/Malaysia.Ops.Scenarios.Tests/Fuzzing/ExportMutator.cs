namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>
/// Breaks a valid export: a field of a CSV record or a value of a JSON alert replaced by an
/// edge value (quoted or bare, so quotes, commas and line breaks land inside and outside
/// fields), a stray quote or comma, then the line-level damage of <see cref="ScenarioMutator"/>
/// (lines lost, doubled, swapped, other line endings, a file cut short, random bytes).
/// </summary>
internal sealed class ExportMutator(Random random)
{
    private readonly ScenarioMutator lines = new(random);

    public FuzzInput Mutate(string name, string text)
    {
        var steps = new List<string>();
        var count = random.Next(0, 3);
        for (var i = 0; i < count; i++)
        {
            text = random.Next(3) == 0 ? InsertStray(text, steps) : ReplaceValue(text, steps);
        }

        var mutated = lines.Mutate(name, text);
        return mutated with { Origin = steps.Count == 0 ? mutated.Origin : $"{mutated.Origin}; {string.Join("; ", steps)}" };
    }

    /// <summary>The text between two separators (',', ':', '"', a line break) at a random place,
    /// replaced by an edge value, written as a quoted CSV field half of the time.</summary>
    private string ReplaceValue(string text, List<string> steps)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = random.Next(text.Length);
        var start = text.LastIndexOfAny([',', ':', '\n', '"'], at) + 1;
        var end = text.IndexOfAny([',', '\n', '"', '}'], at);
        end = end < 0 ? text.Length : end;
        if (end < start)
        {
            return text;
        }

        var value = EdgeValues.All[random.Next(EdgeValues.All.Count)];
        var written = random.Next(2) == 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        steps.Add($"text at {start} replaced by '{ProblemLine.Shorten(written.Length > 24 ? written[..24] : written)}'");
        return string.Concat(text.AsSpan(0, start), written, text.AsSpan(end));
    }

    private string InsertStray(string text, List<string> steps)
    {
        var at = random.Next(text.Length + 1);
        var stray = random.Next(4) switch { 0 => "\"", 1 => ",", 2 => "\r", _ => "\uFEFF" };
        steps.Add($"'{ProblemLine.Shorten(stray)}' inserted at {at}");
        return text.Insert(at, stray);
    }
}
