using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// The problems found in one export. Reading goes on after a problem so that all of them are
/// reported at once; past <see cref="ProblemList.MaxReported"/> only their number is, since a
/// file in the wrong format would otherwise report one per row of a million.
/// </summary>
internal sealed class RowProblems(string fileName)
{
    private readonly List<string> listed = [];
    private long count;

    public bool Any => count > 0;

    /// <summary>A problem at a line of a CSV file.</summary>
    public void AtLine(long line, string field, string problem) =>
        Add($"{fileName}:{line}: {field}: {problem}");

    /// <summary>A problem at a JSON path ("$[12].createdAt").</summary>
    public void AtPath(string path, string problem) =>
        Add($"{fileName}: {path}: {problem}");

    /// <summary>Throws the problems found, if there are any: nothing of a file with a problem
    /// is imported.</summary>
    public void ThrowIfAny()
    {
        if (count == 0)
        {
            return;
        }

        var reported = new List<string>(listed);
        if (count > listed.Count)
        {
            reported.Add($"{fileName}: {count - listed.Count} more problems, not listed");
        }

        throw new HistoryException(reported);
    }

    private void Add(string problem)
    {
        if (count++ < ProblemList.MaxReported)
        {
            listed.Add(ProblemText.OneLine(problem));
        }
    }
}
