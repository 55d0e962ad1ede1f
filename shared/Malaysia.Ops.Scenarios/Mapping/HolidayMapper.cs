using Malaysia.Ops.Domain.Holidays;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The optional "holidays" section: days the scenario adds to a shipped holiday
/// calendar (a company holiday, a holiday gazetted later); and the calendars its desks keep.</summary>
internal static class HolidayMapper
{
    private static readonly string[] Fields = ["calendar", "date", "name"];

    public static IReadOnlyList<AddedHoliday>? MapList(YamlValue value) =>
        value.Items("holidays", 0, 1000, Map);

    /// <summary>A shipped calendar's name, as the calendar spells it.</summary>
    public static string? Calendar(YamlValue value)
    {
        if (value.Text() is not { } text)
        {
            return null;
        }

        if (HolidayCalendars.Find(text) is { } calendar)
        {
            return calendar.Name;
        }

        value.Report($"{ProblemText.Quote(text)} is not a holiday calendar (expected one of: {string.Join(", ", HolidayCalendars.Names)})");
        return null;
    }

    /// <summary>The calendars the desks (the scenario's and the compared topologies') keep,
    /// each with the scenario's own days added.</summary>
    public static IReadOnlyList<HolidayCalendar> Kept(IEnumerable<DeskPlan> desks, IReadOnlyList<AddedHoliday> added) =>
        desks.Select(d => d.Holidays).OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => HolidayCalendars.Find(name)!)
            .Select(c => c with
            {
                Days = [.. c.Days, .. added.Where(a => a.Calendar == c.Name).Select(a => a.Day)],
            })
            .ToList();

    private static AddedHoliday? Map(YamlValue item)
    {
        if (item.Mapping(Fields) is not { } holiday)
        {
            return null;
        }

        var calendar = holiday.Required("calendar") is { } calendarValue ? Calendar(calendarValue) : null;
        var date = holiday.Required("date")?.Date();
        var name = holiday.Required("name")?.Text();
        return calendar is null || date is null || name is null ? null : new AddedHoliday(calendar, new Holiday(date.Value, name));
    }
}
