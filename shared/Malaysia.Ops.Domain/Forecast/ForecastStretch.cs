namespace Malaysia.Ops.Domain.Forecast;

/// <summary>A stretch a change brings: <paramref name="What"/> is "gap" (nobody on duty),
/// "overlap" (two or more desks) or "thinned" (a desk on duty with fewer engineers), in UTC and
/// in each desk's local time.</summary>
public sealed record ForecastStretch(string What, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DeskLocalTime> Local);
