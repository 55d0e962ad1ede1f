using Malaysia.Ops.Domain.Rosters;
using static Malaysia.Ops.Domain.Tests.TestRosters;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>2026 in New York: spring forward on Sunday 8 March (02:00 EST to 03:00 EDT), fall
/// back on Sunday 1 November (02:00 EDT to 01:00 EST). Kuala Lumpur has no daylight saving.</summary>
public class DaylightSavingTransitionSpecs
{
    private readonly Roster roster = Default();

    private ShiftInstance UsShiftOf(int month, int day) =>
        roster.ShiftsBetween(Utc(2026, month, day), Utc(2026, month, day).AddDays(1))
            .Single(s => s.DeskId == "us" && s.LocalDate == new DateOnly(2026, month, day));

    [Fact]
    public void The_us_day_shift_moves_an_hour_earlier_in_utc_on_the_spring_forward_sunday()
    {
        Assert.Equal(Utc(2026, 3, 7, 13, 0), UsShiftOf(3, 7).StartsAt);
        Assert.Equal(Utc(2026, 3, 8, 1, 0), UsShiftOf(3, 7).EndsAt);
        Assert.Equal(Utc(2026, 3, 8, 12, 0), UsShiftOf(3, 8).StartsAt);
        Assert.Equal(Utc(2026, 3, 9, 0, 0), UsShiftOf(3, 8).EndsAt);
    }

    [Fact]
    public void The_us_day_shift_moves_an_hour_later_in_utc_on_the_fall_back_sunday()
    {
        Assert.Equal(Utc(2026, 10, 31, 12, 0), UsShiftOf(10, 31).StartsAt);
        Assert.Equal(Utc(2026, 11, 1, 0, 0), UsShiftOf(10, 31).EndsAt);
        Assert.Equal(Utc(2026, 11, 1, 13, 0), UsShiftOf(11, 1).StartsAt);
        Assert.Equal(Utc(2026, 11, 2, 1, 0), UsShiftOf(11, 1).EndsAt);
    }

    [Fact]
    public void The_noon_gap_closes_on_the_spring_forward_sunday()
    {
        var saturday = roster.Coverage(Utc(2026, 3, 7), Utc(2026, 3, 8));
        var sunday = roster.Coverage(Utc(2026, 3, 8), Utc(2026, 3, 9));
        var monday = roster.Coverage(Utc(2026, 3, 9), Utc(2026, 3, 10));

        Assert.Equal(new TimeRange(Utc(2026, 3, 7, 12, 0), Utc(2026, 3, 7, 13, 0)), Assert.Single(saturday.Gaps));
        Assert.Empty(sunday.Gaps);
        Assert.Empty(monday.Gaps);
    }

    [Fact]
    public void The_midnight_overlap_ends_the_night_after_the_spring_forward_sunday()
    {
        var saturday = roster.Coverage(Utc(2026, 3, 7), Utc(2026, 3, 8));
        var sunday = roster.Coverage(Utc(2026, 3, 8), Utc(2026, 3, 9));
        var monday = roster.Coverage(Utc(2026, 3, 9), Utc(2026, 3, 10));

        Assert.Equal(Utc(2026, 3, 7, 0, 0), Assert.Single(saturday.Overlaps).From);
        var lastOverlap = Assert.Single(sunday.Overlaps);
        Assert.Equal(Utc(2026, 3, 8, 0, 0), lastOverlap.From);
        Assert.Equal(Utc(2026, 3, 8, 1, 0), lastOverlap.To);
        Assert.Empty(monday.Overlaps);
    }

    [Fact]
    public void The_noon_gap_opens_on_the_fall_back_sunday()
    {
        var saturday = roster.Coverage(Utc(2026, 10, 31), Utc(2026, 11, 1));
        var sunday = roster.Coverage(Utc(2026, 11, 1), Utc(2026, 11, 2));
        var monday = roster.Coverage(Utc(2026, 11, 2), Utc(2026, 11, 3));

        Assert.Empty(saturday.Gaps);
        Assert.Equal(new TimeRange(Utc(2026, 11, 1, 12, 0), Utc(2026, 11, 1, 13, 0)), Assert.Single(sunday.Gaps));
        Assert.Equal(new TimeRange(Utc(2026, 11, 2, 12, 0), Utc(2026, 11, 2, 13, 0)), Assert.Single(monday.Gaps));
    }

    [Fact]
    public void The_midnight_overlap_starts_the_night_after_the_fall_back_sunday()
    {
        var saturday = roster.Coverage(Utc(2026, 10, 31), Utc(2026, 11, 1));
        var sunday = roster.Coverage(Utc(2026, 11, 1), Utc(2026, 11, 2));
        var monday = roster.Coverage(Utc(2026, 11, 2), Utc(2026, 11, 3));

        Assert.Empty(saturday.Overlaps);
        Assert.Empty(sunday.Overlaps);
        var overlap = Assert.Single(monday.Overlaps);
        Assert.Equal(Utc(2026, 11, 2, 0, 0), overlap.From);
        Assert.Equal(Utc(2026, 11, 2, 1, 0), overlap.To);
    }

    [Fact]
    public void An_overnight_shift_over_the_spring_forward_is_eleven_hours()
    {
        var nights = Roster.Create([Desk("us-night", NewYork, "20:00-08:00")]);

        var shift = Assert.Single(nights.OnDuty(Utc(2026, 3, 8, 6, 0)));

        Assert.Equal(new DateOnly(2026, 3, 7), shift.LocalDate);
        Assert.Equal(Utc(2026, 3, 8, 1, 0), shift.StartsAt);
        Assert.Equal(Utc(2026, 3, 8, 12, 0), shift.EndsAt);
        Assert.Equal(TimeSpan.FromHours(11), shift.Length);
    }

    [Fact]
    public void An_overnight_shift_over_the_fall_back_is_thirteen_hours()
    {
        var nights = Roster.Create([Desk("us-night", NewYork, "20:00-08:00")]);

        var shift = Assert.Single(nights.OnDuty(Utc(2026, 11, 1, 6, 0)));

        Assert.Equal(new DateOnly(2026, 10, 31), shift.LocalDate);
        Assert.Equal(Utc(2026, 11, 1, 0, 0), shift.StartsAt);
        Assert.Equal(Utc(2026, 11, 1, 13, 0), shift.EndsAt);
        Assert.Equal(TimeSpan.FromHours(13), shift.Length);
    }

    [Fact]
    public void A_local_time_skipped_by_spring_forward_resolves_to_the_first_minute_that_exists()
    {
        var utc = ZoneTime.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork);

        Assert.Equal(Utc(2026, 3, 8, 7, 0), utc);
    }

    [Fact]
    public void A_local_time_repeated_by_fall_back_resolves_to_its_first_occurrence()
    {
        var utc = ZoneTime.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork);

        Assert.Equal(Utc(2026, 11, 1, 5, 30), utc);
    }

    [Fact]
    public void A_shift_starting_in_the_skipped_hour_starts_at_0300_edt()
    {
        var early = Roster.Create([Desk("early", NewYork, "02:30-10:00")]);

        var shift = early.ShiftsBetween(Utc(2026, 3, 8), Utc(2026, 3, 9)).Single(s => s.LocalDate == new DateOnly(2026, 3, 8));

        Assert.Equal(Utc(2026, 3, 8, 7, 0), shift.StartsAt);
        Assert.Equal(Utc(2026, 3, 8, 14, 0), shift.EndsAt);
    }

    [Fact]
    public void Local_times_away_from_a_transition_use_the_zone_offset_of_that_date()
    {
        Assert.Equal(Utc(2026, 1, 14, 13, 0), ZoneTime.ToUtc(new DateOnly(2026, 1, 14), new TimeOnly(8, 0), NewYork));
        Assert.Equal(Utc(2026, 7, 14, 12, 0), ZoneTime.ToUtc(new DateOnly(2026, 7, 14), new TimeOnly(8, 0), NewYork));
        Assert.Equal(Utc(2026, 7, 14, 0, 0), ZoneTime.ToUtc(new DateOnly(2026, 7, 14), new TimeOnly(8, 0), KualaLumpur));
        Assert.Equal(new DateOnly(2026, 1, 13), ZoneTime.LocalDate(Utc(2026, 1, 14, 4, 59), NewYork));
        Assert.Equal(new DateOnly(2026, 1, 14), ZoneTime.LocalDate(Utc(2026, 1, 13, 16, 0), KualaLumpur));
    }
}
