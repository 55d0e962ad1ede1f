namespace Malaysia.Ops.Domain.Forecast;

/// <summary>A week (seven days from <paramref name="Starts"/>) with at least one change to
/// coverage.</summary>
public sealed record ForecastWeek(DateOnly Starts, IReadOnlyList<CoverageChange> Changes);
