using Malaysia.Ops.Domain.Rosters;
using static Malaysia.Ops.Domain.Tests.TestRosters;

namespace Malaysia.Ops.Domain.Tests;

public class CoverageSpecs
{
    private readonly Roster roster = Default();

    [Fact]
    public void January_week_has_one_hour_gap_each_day_from_1200_to_1300_utc()
    {
        var coverage = roster.Coverage(Utc(2026, 1, 12), Utc(2026, 1, 19));

        Assert.Equal(7, coverage.Gaps.Count);
        for (var day = 0; day < 7; day++)
        {
            var noon = Utc(2026, 1, 12, 12, 0).AddDays(day);
            Assert.Equal(new TimeRange(noon, noon.AddHours(1)), coverage.Gaps[day]);
            Assert.Equal(TimeSpan.FromHours(1), coverage.Gaps[day].Length);
        }

        Assert.Equal(TimeSpan.FromHours(7), coverage.TotalGap);
    }

    [Fact]
    public void January_week_has_one_hour_overlap_each_day_from_0000_to_0100_utc_with_both_desks()
    {
        var coverage = roster.Coverage(Utc(2026, 1, 12), Utc(2026, 1, 19));

        Assert.Equal(7, coverage.Overlaps.Count);
        for (var day = 0; day < 7; day++)
        {
            var midnight = Utc(2026, 1, 12).AddDays(day);
            var overlap = coverage.Overlaps[day];
            Assert.Equal(midnight, overlap.From);
            Assert.Equal(midnight.AddHours(1), overlap.To);
            Assert.Equal(TimeSpan.FromHours(1), overlap.Length);
            Assert.Equal(["my", "us"], overlap.DeskIds);
        }

        Assert.Equal(TimeSpan.FromHours(7), coverage.TotalOverlap);
    }

    [Fact]
    public void IsInGap_is_true_inside_a_gap_and_half_open_at_its_ends()
    {
        var coverage = roster.Coverage(Utc(2026, 1, 12), Utc(2026, 1, 19));

        Assert.True(coverage.IsInGap(Utc(2026, 1, 13, 12, 30)));
        Assert.True(coverage.IsInGap(Utc(2026, 1, 13, 12, 0)));
        Assert.False(coverage.IsInGap(Utc(2026, 1, 13, 13, 0)));
        Assert.False(coverage.IsInGap(Utc(2026, 1, 13, 11, 59)));
        Assert.False(coverage.IsInGap(Utc(2026, 1, 13, 0, 30)));
    }

    [Fact]
    public void Coverage_is_clipped_to_the_period_asked_for()
    {
        var coverage = roster.Coverage(Utc(2026, 1, 13, 12, 30), Utc(2026, 1, 14, 0, 30));

        Assert.Equal(new TimeRange(Utc(2026, 1, 13, 12, 30), Utc(2026, 1, 13, 13, 0)), Assert.Single(coverage.Gaps));
        var overlap = Assert.Single(coverage.Overlaps);
        Assert.Equal(Utc(2026, 1, 14, 0, 0), overlap.From);
        Assert.Equal(Utc(2026, 1, 14, 0, 30), overlap.To);
    }

    [Fact]
    public void Overlaps_are_split_where_the_set_of_desks_changes()
    {
        var three = Roster.Create(
        [
            Desk("a", TimeZoneInfo.Utc, "00:00-12:00"),
            Desk("b", TimeZoneInfo.Utc, "06:00-18:00"),
            Desk("c", TimeZoneInfo.Utc, "10:00-20:00"),
        ]);

        var coverage = three.Coverage(Utc(2026, 1, 13), Utc(2026, 1, 14));

        Assert.Equal(
            [
                (Utc(2026, 1, 13, 6, 0), Utc(2026, 1, 13, 10, 0), "a,b"),
                (Utc(2026, 1, 13, 10, 0), Utc(2026, 1, 13, 12, 0), "a,b,c"),
                (Utc(2026, 1, 13, 12, 0), Utc(2026, 1, 13, 18, 0), "b,c"),
            ],
            coverage.Overlaps.Select(o => (o.From, o.To, string.Join(',', o.DeskIds))));
        Assert.Equal(new TimeRange(Utc(2026, 1, 13, 20, 0), Utc(2026, 1, 14)), Assert.Single(coverage.Gaps));
    }

    [Fact]
    public void A_period_nobody_works_is_one_gap()
    {
        var office = Roster.Create([Desk("office", KualaLumpur, "09:00-17:00")]);

        var coverage = office.Coverage(Utc(2026, 1, 13, 10, 0), Utc(2026, 1, 13, 23, 0));

        Assert.Equal(new TimeRange(Utc(2026, 1, 13, 10, 0), Utc(2026, 1, 13, 23, 0)), Assert.Single(coverage.Gaps));
        Assert.Empty(coverage.Overlaps);
    }

    [Fact]
    public void A_period_starting_inside_an_overnight_shift_is_covered_from_its_first_instant()
    {
        var usOnly = Roster.Create([UsDesk(), Desk("us-night", NewYork, "20:00-08:00")]);

        var coverage = usOnly.Coverage(Utc(2026, 1, 14, 10, 0), Utc(2026, 1, 14, 14, 0));

        Assert.Empty(coverage.Gaps);
        Assert.Empty(coverage.Overlaps);
    }

    [Fact]
    public void Adjacent_shifts_of_one_desk_leave_no_gap_and_do_not_count_as_an_overlap()
    {
        var allDay = Roster.Create([Desk("my", KualaLumpur, "08:00-20:00", "20:00-08:00")]);

        var coverage = allDay.Coverage(Utc(2026, 1, 12), Utc(2026, 1, 19));

        Assert.Empty(coverage.Gaps);
        Assert.Empty(coverage.Overlaps);
    }
}
