namespace Malaysia.Ops.Domain.Rosters;

/// <summary>Local wall-clock time to UTC by the zone's rules, with the two daylight-saving
/// special cases decided the way a rota is actually worked.</summary>
public static class ZoneTime
{
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        // Spring forward: 02:30 does not exist; the shift starts at the first minute that does.
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        // Fall back: 01:30 happens twice; the shift means the first of them.
        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
