namespace Malaysia.Ops.Scenarios;

/// <summary>
/// A scenario that cannot be run. Carries every problem found, not just the first, so that a
/// file can be fixed in one pass; each problem reads
/// "{file}:{line}:{column}: {field path}: {what is wrong}", which editors and terminals turn
/// into a link to the spot.
/// </summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<string> problems)
        : base(string.Join('\n', RequireAny(problems)))
    {
        Problems = problems;
    }

    public ScenarioException(string problem)
        : this([problem])
    {
    }

    /// <summary>The problems in the order they appear in the file.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static IReadOnlyList<string> RequireAny(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count > 0
            ? problems
            : throw new ArgumentException("a scenario exception needs at least one problem", nameof(problems));
    }
}
