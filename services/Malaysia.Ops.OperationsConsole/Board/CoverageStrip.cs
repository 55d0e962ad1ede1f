namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>The 24 simulated hours from <paramref name="From"/>: each desk's shifts and the
/// stretches nobody covers.</summary>
public sealed record CoverageStrip(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DeskCoverage> Desks, IReadOnlyList<TimeSpanOnStrip> Gaps);
