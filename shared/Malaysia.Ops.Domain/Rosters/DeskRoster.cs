namespace Malaysia.Ops.Domain.Rosters;

/// <summary>One desk (a site) and its shifts, defined in the desk's own IANA time zone so that
/// daylight saving moves the shifts in UTC exactly as it does for the people working them.</summary>
public sealed record DeskRoster(string DeskId, string DisplayName, TimeZoneInfo TimeZone, IReadOnlyList<ShiftPattern> Shifts)
{
    /// <summary>Where <paramref name="pattern"/> first stands in <see cref="Shifts"/> (the same
    /// hours written twice are one shift); 0 when it is not one of them.</summary>
    public int PatternIndex(ShiftPattern pattern)
    {
        for (var i = 0; i < Shifts.Count; i++)
        {
            if (Shifts[i] == pattern)
            {
                return i;
            }
        }

        return 0;
    }
}
