namespace Malaysia.Ops.Domain.Reporting;

public static class InterruptionHoursOf
{
    /// <summary>The part of the day of <paramref name="local"/>, a local time.</summary>
    public static InterruptionHours At(DateTimeOffset local) => local.Hour switch
    {
        >= 22 or < 8 => InterruptionHours.Sleep,
        < 18 when local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) => InterruptionHours.Business,
        _ => InterruptionHours.Off,
    };
}
