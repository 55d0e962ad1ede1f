namespace Malaysia.Ops.Domain.Rosters;

/// <summary>One desk (a site) and its shifts, defined in the desk's own IANA time zone so that
/// daylight saving moves the shifts in UTC exactly as it does for the people working them.</summary>
public sealed record DeskRoster(string DeskId, string DisplayName, TimeZoneInfo TimeZone, IReadOnlyList<ShiftPattern> Shifts);
