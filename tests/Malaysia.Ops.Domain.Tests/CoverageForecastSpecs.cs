using Malaysia.Ops.Domain.Forecast;
using Malaysia.Ops.Domain.Holidays;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>The coverage forecast: daylight-saving weeks that move a gap or an overlap, and
/// holidays that close or thin a desk. Both desks on 08:00-20:00 local leave a gap from 12:00 to
/// 13:00 UTC and an overlap from 00:00 to 01:00 UTC while New York keeps standard time, and
/// neither while it keeps daylight time.</summary>
public class CoverageForecastSpecs
{
    private static readonly DateOnly From = new(2027, 1, 4);

    private static readonly DeskPlan Us = new("us", "New York", "America/New_York", ["08:00-20:00"], 4, 3, StaffCost.None);
    private static readonly DeskPlan My = new("my", "Kuala Lumpur", "Asia/Kuala_Lumpur", ["08:00-20:00"], 4, 3, StaffCost.None);

    private static readonly HolidayCalendar Malaysian = new("my-national", [new(new DateOnly(2027, 3, 10), "Hari Raya Aidilfitri")]);

    private static List<CoverageChange> Changes(IReadOnlyList<DeskPlan> desks, params HolidayCalendar[] calendars) =>
        CoverageForecast.For(desks, calendars, From).SelectMany(w => w.Changes).ToList();

    [Fact]
    public void The_us_clock_changes_of_2027_are_listed_with_the_gap_they_close_and_open()
    {
        var changes = Changes([Us, My]);

        Assert.Equal([new DateOnly(2027, 3, 14), new DateOnly(2027, 11, 7)], changes.Select(c => c.Date));
        Assert.All(changes, c => Assert.Equal(CoverageChangeKind.DaylightSaving, c.Kind));
        Assert.Empty(changes[0].Stretches);
        var gap = Assert.Single(changes[1].Stretches, s => s.What == "gap");
        Assert.Equal((new DateTimeOffset(2027, 11, 8, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 8, 13, 0, 0, TimeSpan.Zero)), (gap.From, gap.To));
        Assert.Contains("nobody on duty 0 h → 1 h a day", changes[1].What, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_stretch_is_given_in_each_desks_local_time()
    {
        var gap = Changes([Us, My])[1].Stretches.Single(s => s.What == "gap");

        Assert.Equal(new DateTimeOffset(2027, 11, 8, 7, 0, 0, TimeSpan.FromHours(-5)), gap.Local.Single(l => l.DeskId == "us").From);
        Assert.Equal(new DateTimeOffset(2027, 11, 8, 20, 0, 0, TimeSpan.FromHours(8)), gap.Local.Single(l => l.DeskId == "my").From);
    }

    [Fact]
    public void Weeks_run_from_the_given_date_and_only_weeks_with_a_change_are_listed()
    {
        var weeks = CoverageForecast.For([Us, My], [], From);

        Assert.Equal([new DateOnly(2027, 3, 8), new DateOnly(2027, 11, 1)], weeks.Select(w => w.Starts));
    }

    [Fact]
    public void A_desk_closed_on_its_holiday_opens_the_gap_nobody_else_covers()
    {
        var holiday = Assert.Single(Changes([Us, My with { Holidays = "my-national" }], Malaysian), c => c.Kind == CoverageChangeKind.Holiday);

        Assert.Equal(("my", new DateOnly(2027, 3, 10)), (holiday.DeskId, holiday.Date));
        var gap = Assert.Single(holiday.Stretches);
        Assert.Equal(("gap", new DateTimeOffset(2027, 3, 10, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero)), (gap.What, gap.From, gap.To));
        Assert.StartsWith("Hari Raya Aidilfitri: my 08:00-20:00 local with 0 engineer(s) instead of 4", holiday.What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_desk_staffed_thinner_on_its_holiday_is_thinned_for_its_shift()
    {
        var holiday = Assert.Single(Changes([Us, My with { Holidays = "my-national", HolidayEngineers = 1 }], Malaysian), c => c.Kind == CoverageChangeKind.Holiday);

        var thinned = Assert.Single(holiday.Stretches);
        Assert.Equal(("thinned", new DateTimeOffset(2027, 3, 10, 0, 0, 0, TimeSpan.Zero)), (thinned.What, thinned.From));
    }

    [Fact]
    public void A_desk_fully_staffed_on_its_holidays_or_keeping_none_changes_nothing()
    {
        Assert.DoesNotContain(Changes([Us, My with { Holidays = "my-national", HolidayEngineers = 4 }], Malaysian), c => c.Kind == CoverageChangeKind.Holiday);
        Assert.DoesNotContain(Changes([Us, My], Malaysian), c => c.Kind == CoverageChangeKind.Holiday);
    }

    [Fact]
    public void A_clock_change_that_moves_no_gap_or_overlap_is_not_listed()
    {
        var roundTheClock = Us with { Shifts = ["00:00-12:00", "12:00-00:00"] };

        Assert.Empty(CoverageForecast.For([roundTheClock], [], From));
    }
}
