namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// An incident export that cannot be imported. Carries every problem found in the file, so that
/// it can be fixed in one pass; each reads "{file}:{line}: {field}: {what is wrong}" (a JSON
/// export names the JSON path instead of the line).
/// </summary>
public sealed class HistoryException : Exception
{
    public HistoryException(IReadOnlyList<string> problems)
        : base(string.Join('\n', problems))
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        Problems = problems;
    }

    public HistoryException(string problem)
        : this([problem])
    {
    }

    /// <summary>The problems in the order they appear in the file.</summary>
    public IReadOnlyList<string> Problems { get; }
}
