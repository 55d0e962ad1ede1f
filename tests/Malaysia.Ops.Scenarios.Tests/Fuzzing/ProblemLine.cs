namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>What makes a reported problem unclear whatever file it is about: more than one line,
/// a value quoted whole, or the text of an exception that escaped unexplained.</summary>
internal static class ProblemLine
{
    // Texts that only an exception escaping unexplained would put in a problem.
    private static readonly string[] RawExceptionTexts =
        ["Object reference not set", "   at ", "Exception:", "Index was outside", "Specified argument was out of the range", "Value cannot be null", "Arithmetic operation"];

    // Longer than any problem about a field; longer means a value was quoted whole.
    private const int MaxProblemLength = 1_000;

    /// <summary>Why the problem is unclear; null if it is one clear line.</summary>
    public static string? UnclearWhy(string problem, string fileName)
    {
        if (problem.Any(char.IsControl) || problem.Contains('\u2028', StringComparison.Ordinal) || problem.Contains('\u2029', StringComparison.Ordinal))
        {
            return "not one line";
        }

        if (problem.Length - fileName.Length > MaxProblemLength)
        {
            return $"{problem.Length} characters long";
        }

        return RawExceptionTexts.FirstOrDefault(t => problem.Contains(t, StringComparison.Ordinal)) is { } raw
            ? $"raw exception text '{raw.Trim()}'"
            : null;
    }

    /// <summary>A problem or exception message short enough to list, control characters escaped.</summary>
    public static string Shorten(string text)
    {
        var shown = text.Length > 300 ? text[..300] + "..." : text;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
