namespace Malaysia.Ops.Domain.Rosters;

/// <summary>A concrete shift: a pattern worked on one local date, resolved to UTC.</summary>
public sealed record ShiftInstance(string DeskId, string ShiftId, DateOnly LocalDate, ShiftPattern Pattern, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    /// <summary>Half-open: a desk whose shift ends at 12:00 is off duty at 12:00.</summary>
    public bool Covers(DateTimeOffset instant) => StartsAt <= instant && instant < EndsAt;

    public TimeSpan Length => EndsAt - StartsAt;
}
