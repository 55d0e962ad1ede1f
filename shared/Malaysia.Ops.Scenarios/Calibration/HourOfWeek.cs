namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>The 168 hours of a local week, numbered from Monday 00:00 (0) to Sunday 23:00 (167).</summary>
public static class HourOfWeek
{
    public const int Count = 168;

    /// <summary>The local hour of the week an instant falls in, by the zone's rules: in the hour
    /// a clock goes back, two instants share a local hour, and the hour it skips has none.</summary>
    public static int Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = ((int)local.DayOfWeek + 6) % 7;
        return (day * 24) + local.Hour;
    }

    public static bool IsWeekend(int hour) => hour >= 5 * 24;

    public static int HourOfDay(int hour) => hour % 24;
}
