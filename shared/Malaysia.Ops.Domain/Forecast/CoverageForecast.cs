using System.Globalization;
using Malaysia.Ops.Domain.Holidays;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Forecast;

/// <summary>
/// The weeks ahead in which coverage is not as usual: a desk's site changing its clocks moves
/// its shifts against the other desks' (opening or closing a gap or an overlap), and a desk
/// keeping a public holiday with fewer engineers, or closed, thins the desk or opens a gap.
/// Weeks run seven days at a time from the given date, in UTC.
/// </summary>
public static class CoverageForecast
{
    public const int DefaultWeeks = 52;

    // Clocks change on a quarter hour (UTC) in every zone the tz database knows.
    private static readonly TimeSpan TransitionStep = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<ForecastWeek> For(IReadOnlyList<DeskPlan> desks, IReadOnlyList<HolidayCalendar> calendars, DateOnly from, int weeks = DefaultWeeks)
    {
        var roster = DeskPlanRoster.Of(desks);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(7 * weeks);
        return DaylightSaving(roster, start, end)
            .Concat(HolidayChanges(roster, desks, calendars, start, end))
            .GroupBy(c => (c.Date.DayNumber - from.DayNumber) / 7)
            .Where(g => g.Key >= 0 && g.Key < weeks)
            .OrderBy(g => g.Key)
            .Select(g => new ForecastWeek(from.AddDays(7 * g.Key), g.OrderBy(c => c.Date).ThenBy(c => c.DeskId, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>Each clock change at a desk's site that changes the day's gaps or overlaps: the
    /// first UTC day after it against the same day a week before.</summary>
    private static IEnumerable<CoverageChange> DaylightSaving(Roster roster, DateTimeOffset start, DateTimeOffset end)
    {
        foreach (var desk in roster.Desks)
        {
            foreach (var (at, shift) in Transitions(desk.TimeZone, start, end))
            {
                var after = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
                var before = after.AddDays(-7);
                var was = roster.Coverage(before, before.AddDays(1));
                var now = roster.Coverage(after, after.AddDays(1));
                if (was.TotalGap == now.TotalGap && was.TotalOverlap == now.TotalOverlap)
                {
                    continue;
                }

                var local = TimeZoneInfo.ConvertTime(at, desk.TimeZone);
                var what = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{desk.DeskId} clocks go {(shift > TimeSpan.Zero ? "forward" : "back")} {Math.Abs(shift.TotalHours):0.##} h at {local:yyyy-MM-dd HH:mm} local ({at.UtcDateTime:yyyy-MM-dd HH:mm} UTC): nobody on duty {was.TotalGap.TotalHours:0.##} h → {now.TotalGap.TotalHours:0.##} h a day, overlap {was.TotalOverlap.TotalHours:0.##} h → {now.TotalOverlap.TotalHours:0.##} h a day");
                var stretches = now.Gaps.Select(g => Stretch(roster, "gap", g.From, g.To))
                    .Concat(now.Overlaps.Select(o => Stretch(roster, "overlap", o.From, o.To)))
                    .OrderBy(s => s.From)
                    .ToList();
                yield return new CoverageChange(CoverageChangeKind.DaylightSaving, desk.DeskId, ZoneTime.LocalDate(at, desk.TimeZone), what, stretches);
            }
        }
    }

    private static IEnumerable<(DateTimeOffset At, TimeSpan Shift)> Transitions(TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        for (var day = start; day < end; day = day.AddDays(1))
        {
            var (first, last) = (zone.GetUtcOffset(day), zone.GetUtcOffset(day.AddDays(1)));
            if (first == last)
            {
                continue;
            }

            var at = day;
            while (zone.GetUtcOffset(at) == first)
            {
                at += TransitionStep;
            }

            yield return (at, last - first);
        }
    }

    /// <summary>Each shift a desk starts on one of its holidays with fewer engineers than usual:
    /// the gaps its absence opens, or the shift as thinned when others still cover it or some of
    /// its engineers stay on.</summary>
    private static IEnumerable<CoverageChange> HolidayChanges(Roster roster, IReadOnlyList<DeskPlan> desks, IReadOnlyList<HolidayCalendar> calendars, DateTimeOffset start, DateTimeOffset end)
    {
        foreach (var plan in desks.Where(d => d.Holidays is not null))
        {
            var calendar = calendars.FirstOrDefault(c => string.Equals(c.Name, plan.Holidays, StringComparison.OrdinalIgnoreCase));
            var desk = roster.Desk(plan.Id);
            foreach (var holiday in calendar?.Days ?? [])
            {
                var midnight = ZoneTime.ToUtc(holiday.Date, TimeOnly.MinValue, desk.TimeZone);
                if (midnight.AddDays(1) <= start || midnight >= end)
                {
                    continue;
                }

                var around = roster.ShiftsBetween(midnight.AddDays(-1), midnight.AddDays(3));
                foreach (var shift in around.Where(s => s.DeskId == desk.DeskId && s.LocalDate == holiday.Date))
                {
                    var usual = plan.EngineersOn(IndexOf(desk, shift.Pattern));
                    if (plan.HolidayEngineers >= usual)
                    {
                        continue;
                    }

                    var gaps = plan.HolidayEngineers == 0
                        ? Roster.CoverageOf(around.Where(s => s != shift).ToList(), shift.StartsAt, shift.EndsAt).Gaps
                        : [];
                    var stretches = gaps.Count > 0
                        ? gaps.Select(g => Stretch(roster, "gap", g.From, g.To)).ToList()
                        : [Stretch(roster, "thinned", shift.StartsAt, shift.EndsAt)];
                    var what = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{holiday.Name}: {desk.DeskId} {shift.Pattern} local with {plan.HolidayEngineers} engineer(s) instead of {usual}{(gaps.Count > 0 ? ", nobody else on duty for part of it" : string.Empty)}");
                    yield return new CoverageChange(CoverageChangeKind.Holiday, desk.DeskId, holiday.Date, what, stretches);
                }
            }
        }
    }

    private static int IndexOf(DeskRoster desk, ShiftPattern pattern)
    {
        for (var i = 0; i < desk.Shifts.Count; i++)
        {
            if (desk.Shifts[i] == pattern)
            {
                return i;
            }
        }

        return 0;
    }

    private static ForecastStretch Stretch(Roster roster, string what, DateTimeOffset from, DateTimeOffset to) => new(
        what,
        from,
        to,
        roster.Desks.Select(d => new DeskLocalTime(d.DeskId, TimeZoneInfo.ConvertTime(from, d.TimeZone), TimeZoneInfo.ConvertTime(to, d.TimeZone))).ToList());
}
