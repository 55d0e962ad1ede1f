namespace Malaysia.Ops.Domain.Rosters;

/// <summary>A roster that cannot be worked: names the setting and what is wrong with it.</summary>
public sealed class RosterDefinitionException(string setting, string problem)
    : Exception($"{setting}: {problem}")
{
    public string Setting { get; } = setting;

    public string Problem { get; } = problem;
}
