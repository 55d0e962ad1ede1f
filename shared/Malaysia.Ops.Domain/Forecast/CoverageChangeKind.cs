namespace Malaysia.Ops.Domain.Forecast;

/// <summary>What changes a week's coverage.</summary>
public enum CoverageChangeKind
{
    /// <summary>A desk's site changes its clocks: its shifts move against the other desks'.</summary>
    DaylightSaving,

    /// <summary>A desk keeps a public holiday with fewer engineers, or none.</summary>
    Holiday,
}
