using Malaysia.Ops.Domain.Rosters;
using static Malaysia.Ops.Domain.Tests.TestRosters;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Who is on duty with the default roster, in a summer week and a winter week.</summary>
public class RosterDutySpecs
{
    private readonly Roster roster = Default();

    [Fact]
    public void July_the_us_desk_works_1200_to_0000_utc_and_the_my_desk_0000_to_1200_utc()
    {
        var shifts = roster.ShiftsBetween(Utc(2026, 7, 13), Utc(2026, 7, 20));

        var us = shifts.Where(s => s.DeskId == "us" && s.StartsAt >= Utc(2026, 7, 13)).ToList();
        var my = shifts.Where(s => s.DeskId == "my").ToList();
        Assert.Equal(7, us.Count);
        Assert.Equal(7, my.Count);
        for (var day = 0; day < 7; day++)
        {
            var date = Utc(2026, 7, 13).AddDays(day);
            Assert.Equal(date.AddHours(12), us[day].StartsAt);
            Assert.Equal(date.AddDays(1), us[day].EndsAt);
            Assert.Equal(date, my[day].StartsAt);
            Assert.Equal(date.AddHours(12), my[day].EndsAt);
        }
    }

    [Fact]
    public void July_on_duty_is_half_open_at_the_noon_change()
    {
        var before = roster.OnDuty(Utc(2026, 7, 14, 11, 59));
        var at = roster.OnDuty(Utc(2026, 7, 14, 12, 0));

        Assert.Equal("my", Assert.Single(before).DeskId);
        Assert.Equal("us", Assert.Single(at).DeskId);
    }

    [Fact]
    public void July_on_duty_is_half_open_at_the_midnight_change()
    {
        var before = roster.OnDuty(Utc(2026, 7, 14, 23, 59));
        var at = roster.OnDuty(Utc(2026, 7, 15, 0, 0));

        Assert.Equal("us", Assert.Single(before).DeskId);
        Assert.Equal("my", Assert.Single(at).DeskId);
    }

    [Fact]
    public void July_week_has_no_gap_and_no_overlap()
    {
        var coverage = roster.Coverage(Utc(2026, 7, 13), Utc(2026, 7, 20));

        Assert.Empty(coverage.Gaps);
        Assert.Empty(coverage.Overlaps);
        Assert.Equal(TimeSpan.Zero, coverage.TotalGap);
        Assert.Equal(TimeSpan.Zero, coverage.TotalOverlap);
        Assert.Equal(new TimeRange(Utc(2026, 7, 13), Utc(2026, 7, 20)), coverage.Period);
    }

    [Fact]
    public void January_the_us_desk_works_1300_to_0100_utc_and_the_my_desk_0000_to_1200_utc()
    {
        var shifts = roster.ShiftsBetween(Utc(2026, 1, 12), Utc(2026, 1, 19));

        var us = shifts.Where(s => s.DeskId == "us" && s.StartsAt >= Utc(2026, 1, 12)).ToList();
        var my = shifts.Where(s => s.DeskId == "my").ToList();
        Assert.Equal(7, us.Count);
        Assert.Equal(7, my.Count);
        for (var day = 0; day < 7; day++)
        {
            var date = Utc(2026, 1, 12).AddDays(day);
            Assert.Equal(date.AddHours(13), us[day].StartsAt);
            Assert.Equal(date.AddDays(1).AddHours(1), us[day].EndsAt);
            Assert.Equal(date, my[day].StartsAt);
            Assert.Equal(date.AddHours(12), my[day].EndsAt);
        }
    }

    [Fact]
    public void January_nobody_is_on_duty_from_1200_to_1300_utc()
    {
        Assert.Equal("my", Assert.Single(roster.OnDuty(Utc(2026, 1, 14, 11, 59))).DeskId);
        Assert.Empty(roster.OnDuty(Utc(2026, 1, 14, 12, 0)));
        Assert.Empty(roster.OnDuty(Utc(2026, 1, 14, 12, 59)));
        Assert.Equal("us", Assert.Single(roster.OnDuty(Utc(2026, 1, 14, 13, 0))).DeskId);
    }

    [Fact]
    public void January_both_desks_are_on_duty_from_0000_to_0100_utc_the_newcomer_last()
    {
        Assert.Equal("us", Assert.Single(roster.OnDuty(Utc(2026, 1, 14, 23, 59))).DeskId);
        Assert.Equal(["us", "my"], roster.OnDuty(Utc(2026, 1, 15, 0, 0)).Select(s => s.DeskId));
        Assert.Equal(["us", "my"], roster.OnDuty(Utc(2026, 1, 15, 0, 59)).Select(s => s.DeskId));
        Assert.Equal("my", Assert.Single(roster.OnDuty(Utc(2026, 1, 15, 1, 0))).DeskId);
    }

    [Fact]
    public void Shift_instances_are_named_by_desk_local_date_and_start()
    {
        var onDuty = roster.OnDuty(Utc(2026, 1, 15, 0, 30));

        Assert.Equal(["us-20260114-0800", "my-20260115-0800"], onDuty.Select(s => s.ShiftId));
        Assert.Equal(new DateOnly(2026, 1, 14), onDuty[0].LocalDate);
        Assert.Equal(new DateOnly(2026, 1, 15), onDuty[1].LocalDate);
        Assert.All(onDuty, s => Assert.Equal(TimeSpan.FromHours(12), s.Length));
    }

    [Fact]
    public void A_us_night_desk_makes_the_us_side_cover_the_whole_day()
    {
        var usOnly = Roster.Create([UsDesk(), Desk("us-night", NewYork, "20:00-08:00")]);

        var january = usOnly.Coverage(Utc(2026, 1, 12), Utc(2026, 1, 19));
        var transitionWeek = usOnly.Coverage(Utc(2026, 3, 5), Utc(2026, 3, 12));

        Assert.Empty(january.Gaps);
        Assert.Empty(january.Overlaps);
        Assert.Empty(transitionWeek.Gaps);
        Assert.Empty(transitionWeek.Overlaps);
        Assert.Equal("us-night", Assert.Single(usOnly.OnDuty(Utc(2026, 1, 14, 6, 0))).DeskId);
        Assert.Equal("us", Assert.Single(usOnly.OnDuty(Utc(2026, 1, 14, 18, 0))).DeskId);
    }

    [Fact]
    public void Overnight_shifts_of_one_desk_run_into_the_next_local_day()
    {
        var nights = Roster.Create([Desk("night", NewYork, "20:00-08:00")]);

        var shift = Assert.Single(nights.OnDuty(Utc(2026, 1, 14, 10, 0)));

        Assert.Equal(new DateOnly(2026, 1, 13), shift.LocalDate);
        Assert.Equal(Utc(2026, 1, 14, 1, 0), shift.StartsAt);
        Assert.Equal(Utc(2026, 1, 14, 13, 0), shift.EndsAt);
        Assert.True(shift.Pattern.IsOvernight);
        Assert.Equal(TimeSpan.FromHours(12), shift.Pattern.NominalLength);
    }

    [Fact]
    public void Desk_is_found_by_id_ignoring_case_and_an_unknown_id_is_refused()
    {
        Assert.Equal("my", roster.Desk("MY").DeskId);
        Assert.Throws<ArgumentException>(() => roster.Desk("eu"));
    }
}
