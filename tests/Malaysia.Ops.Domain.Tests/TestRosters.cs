using Malaysia.Ops.Domain.Rosters;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Rosters and instants the roster tests share.</summary>
internal static class TestRosters
{
    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static TimeZoneInfo KualaLumpur { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");

    public static ShiftPattern Shift(string text) =>
        ShiftPattern.TryParse(text, out var pattern) ? pattern : throw new ArgumentException($"'{text}' is not a shift", nameof(text));

    public static DeskRoster Desk(string id, TimeZoneInfo zone, params string[] shifts) =>
        new(id, id, zone, shifts.Select(Shift).ToList());

    public static DeskRoster UsDesk() => Desk("us", NewYork, "08:00-20:00");

    public static DeskRoster MyDesk() => Desk("my", KualaLumpur, "08:00-20:00");

    /// <summary>The operation's default: both desks on 08:00-20:00 local.</summary>
    public static Roster Default() => Roster.Create([UsDesk(), MyDesk()]);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
