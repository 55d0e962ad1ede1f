namespace Malaysia.Ops.Domain.Forecast;

/// <summary>A stretch in one desk's local time (the instants carry the site's offset).</summary>
public sealed record DeskLocalTime(string DeskId, DateTimeOffset From, DateTimeOffset To);
