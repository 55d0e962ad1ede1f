namespace Malaysia.Ops.Domain.Forecast;

/// <summary>One thing that changes coverage on <paramref name="Date"/> (the desk's local date):
/// what happens, and the gaps, overlaps or thinned stretches it brings.</summary>
public sealed record CoverageChange(
    CoverageChangeKind Kind,
    string DeskId,
    DateOnly Date,
    string What,
    IReadOnlyList<ForecastStretch> Stretches);
