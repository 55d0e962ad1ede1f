using YamlDotNet.Core;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>
/// The problems found in one scenario file. Reading goes on after a problem so that the author
/// sees all of them at once; the list is then reported in file order.
/// </summary>
internal sealed class ProblemList(string fileName)
{
    /// <summary>How the document as a whole is named where a problem belongs to no field
    /// (a YAML syntax error, a file that is not a mapping).</summary>
    public const string DocumentPath = "scenario";

    /// <summary>The most problems reported for one file. A file that is not a scenario at all
    /// (a log pasted in, a list of ten thousand keys) would otherwise report one per line; past
    /// the first screenful the author learns nothing more.</summary>
    public const int MaxReported = 50;

    private readonly List<(long Line, long Column, string Text)> problems = [];

    public bool Any => problems.Count > 0;

    public void Add(Mark at, string path, string problem)
    {
        // Marks are 1-based; an empty document has no node, and so no mark, at all.
        var line = Math.Max(1, at.Line);
        var column = Math.Max(1, at.Column);
        var field = path.Length == 0 ? DocumentPath : path;
        problems.Add((line, column, ProblemText.OneLine($"{fileName}:{line}:{column}: {field}: {problem}")));
    }

    /// <summary>Throws the problems found so far, in file order, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            var ordered = problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
            var reported = ordered.Take(MaxReported).Select(p => p.Text).ToList();
            if (ordered.Count > MaxReported)
            {
                var (line, column, _) = ordered[MaxReported];
                reported.Add(ProblemText.OneLine($"{fileName}:{line}:{column}: {DocumentPath}: {ordered.Count - MaxReported} more problems from here on, not listed"));
            }

            throw new ScenarioException(reported);
        }
    }
}
