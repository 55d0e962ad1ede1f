namespace Malaysia.Ops.Domain.Holidays;

/// <summary>A named list of public holidays (e.g. "us-federal"), as a desk keeps them.</summary>
public sealed record HolidayCalendar(string Name, IReadOnlyList<Holiday> Days)
{
    public Holiday? On(DateOnly date) => Days.FirstOrDefault(d => d.Date == date);
}
