using Malaysia.Ops.Domain.Rosters;
using static Malaysia.Ops.Domain.Tests.TestRosters;

namespace Malaysia.Ops.Domain.Tests;

public class RoutingAndHandoffPlanSpecs
{
    private readonly Roster roster = Default();

    private ShiftInstance ShiftEndingAt(string deskId, DateTimeOffset end) =>
        roster.ShiftsBetween(end.AddDays(-1), end).Single(s => s.DeskId == deskId && s.EndsAt == end);

    [Fact]
    public void July_0500_utc_goes_to_the_my_desk_on_duty()
    {
        var decision = roster.Route(Utc(2026, 7, 14, 5, 0));

        Assert.Equal("my", decision.DeskId);
        Assert.False(decision.InCoverageGap);
        Assert.Equal(Utc(2026, 7, 14), decision.Shift.StartsAt);
    }

    [Fact]
    public void January_1230_utc_is_in_the_gap_and_goes_to_the_us_shift_starting_at_1300()
    {
        var decision = roster.Route(Utc(2026, 1, 14, 12, 30));

        Assert.Equal("us", decision.DeskId);
        Assert.True(decision.InCoverageGap);
        Assert.Equal(Utc(2026, 1, 14, 13, 0), decision.Shift.StartsAt);
    }

    [Fact]
    public void January_0030_utc_in_the_overlap_goes_to_the_most_recently_started_my_shift()
    {
        var decision = roster.Route(Utc(2026, 1, 14, 0, 30));

        Assert.Equal("my", decision.DeskId);
        Assert.False(decision.InCoverageGap);
        Assert.Equal(Utc(2026, 1, 14), decision.Shift.StartsAt);
    }

    [Fact]
    public void With_the_my_desk_down_july_0500_utc_goes_to_the_next_us_shift_in_a_gap()
    {
        var decision = roster.RouteAvoiding(Utc(2026, 7, 14, 5, 0), new HashSet<string> { "my" });

        Assert.NotNull(decision);
        Assert.Equal("us", decision.DeskId);
        Assert.True(decision.InCoverageGap);
        Assert.Equal(Utc(2026, 7, 14, 12, 0), decision.Shift.StartsAt);
    }

    [Fact]
    public void With_the_my_desk_down_january_0030_utc_in_the_overlap_stays_with_the_us_desk_on_duty()
    {
        var decision = roster.RouteAvoiding(Utc(2026, 1, 14, 0, 30), new HashSet<string> { "my" });

        Assert.NotNull(decision);
        Assert.Equal("us", decision.DeskId);
        Assert.False(decision.InCoverageGap);
    }

    [Fact]
    public void Routing_avoiding_no_desk_routes_as_usual_and_avoiding_every_desk_routes_nowhere()
    {
        var at = Utc(2026, 1, 14, 12, 30);

        Assert.Equal(roster.Route(at), roster.RouteAvoiding(at, new HashSet<string>()));
        Assert.Null(roster.RouteAvoiding(at, new HashSet<string> { "my", "us" }));
    }

    [Fact]
    public void NextShiftStart_is_strictly_after_the_instant()
    {
        Assert.Equal(Utc(2026, 1, 14, 13, 0), roster.NextShiftStart(Utc(2026, 1, 14, 0, 0)).StartsAt);
        Assert.Equal("my", roster.NextShiftStart(Utc(2026, 1, 14, 13, 0)).DeskId);
        Assert.Equal(Utc(2026, 1, 15), roster.NextShiftStart(Utc(2026, 1, 14, 13, 0)).StartsAt);
    }

    [Fact]
    public void July_my_shift_ending_at_1200_hands_over_to_us_who_can_accept_at_once()
    {
        var plan = roster.PlanHandoff(ShiftEndingAt("my", Utc(2026, 7, 14, 12, 0)));

        Assert.Equal("us", plan.Incoming.DeskId);
        Assert.Equal(Utc(2026, 7, 14, 12, 0), plan.Incoming.StartsAt);
        Assert.Equal(Utc(2026, 7, 14, 12, 0), plan.ShiftEndsAt);
        Assert.Equal(Utc(2026, 7, 14, 12, 0), plan.AcceptFrom);
        Assert.Equal("my->us", plan.Direction);
        Assert.Equal("HO-20260714T1200Z-my-us", plan.HandoffId);
    }

    [Fact]
    public void January_my_shift_ending_at_1200_hands_over_to_us_who_accepts_from_1300_after_the_gap()
    {
        var plan = roster.PlanHandoff(ShiftEndingAt("my", Utc(2026, 1, 13, 12, 0)));

        Assert.Equal("us", plan.Incoming.DeskId);
        Assert.Equal(Utc(2026, 1, 13, 12, 0), plan.ShiftEndsAt);
        Assert.Equal(Utc(2026, 1, 13, 13, 0), plan.AcceptFrom);
        Assert.Equal("HO-20260113T1200Z-my-us", plan.HandoffId);
    }

    [Fact]
    public void January_us_shift_ending_at_0100_hands_over_to_my_already_on_since_0000()
    {
        var plan = roster.PlanHandoff(ShiftEndingAt("us", Utc(2026, 1, 13, 1, 0)));

        Assert.Equal("my", plan.Incoming.DeskId);
        Assert.Equal(Utc(2026, 1, 13), plan.Incoming.StartsAt);
        Assert.Equal(Utc(2026, 1, 13, 1, 0), plan.AcceptFrom);
        Assert.Equal("us->my", plan.Direction);
        Assert.Equal("HO-20260113T0100Z-us-my", plan.HandoffId);
    }

    [Fact]
    public void A_desk_with_back_to_back_shifts_hands_over_to_its_own_next_shift()
    {
        var allDay = Roster.Create([Desk("my", KualaLumpur, "08:00-20:00", "20:00-08:00")]);
        var day = allDay.ShiftsBetween(Utc(2026, 1, 13), Utc(2026, 1, 13, 12, 0)).Single(s => s.EndsAt == Utc(2026, 1, 13, 12, 0));

        var plan = allDay.PlanHandoff(day);

        Assert.Equal("my-20260113-2000", plan.Incoming.ShiftId);
        Assert.Equal(Utc(2026, 1, 13, 12, 0), plan.AcceptFrom);
        Assert.Equal("HO-20260113T1200Z-my-my", plan.HandoffId);
    }

    [Fact]
    public void At_one_instant_the_incoming_start_is_announced_before_the_outgoing_end()
    {
        var boundaries = roster.BoundariesBetween(Utc(2026, 7, 14, 11, 0), Utc(2026, 7, 14, 12, 0));

        Assert.Equal(2, boundaries.Count);
        Assert.True(boundaries[0].IsStart);
        Assert.Equal("us", boundaries[0].Shift.DeskId);
        Assert.False(boundaries[1].IsStart);
        Assert.Equal("my", boundaries[1].Shift.DeskId);
        Assert.All(boundaries, b => Assert.Equal(Utc(2026, 7, 14, 12, 0), b.At));
    }

    [Fact]
    public void NextBoundary_is_the_start_before_the_end_at_the_july_noon_change()
    {
        var next = roster.NextBoundary(Utc(2026, 7, 14, 11, 59));

        Assert.Equal(Utc(2026, 7, 14, 12, 0), next.At);
        Assert.True(next.IsStart);
        Assert.Equal("us", next.Shift.DeskId);
    }

    [Fact]
    public void NextBoundary_is_strictly_after_the_instant()
    {
        var next = roster.NextBoundary(Utc(2026, 7, 14, 12, 0));

        Assert.Equal(Utc(2026, 7, 15), next.At);
        Assert.True(next.IsStart);
        Assert.Equal("my", next.Shift.DeskId);
    }

    [Fact]
    public void NextBoundary_inside_an_overnight_shift_is_its_end()
    {
        var nights = Roster.Create([Desk("us-night", NewYork, "20:00-08:00")]);

        var next = nights.NextBoundary(Utc(2026, 1, 14, 10, 0));

        Assert.Equal(Utc(2026, 1, 14, 13, 0), next.At);
        Assert.False(next.IsStart);
        Assert.Equal(new DateOnly(2026, 1, 13), next.Shift.LocalDate);
    }

    [Fact]
    public void BoundariesBetween_lists_a_january_day_in_time_order_after_exclusive_until_inclusive()
    {
        var boundaries = roster.BoundariesBetween(Utc(2026, 1, 13), Utc(2026, 1, 14));

        Assert.Equal(
            [
                (Utc(2026, 1, 13, 1, 0), "us", false),
                (Utc(2026, 1, 13, 12, 0), "my", false),
                (Utc(2026, 1, 13, 13, 0), "us", true),
                (Utc(2026, 1, 14, 0, 0), "my", true),
            ],
            boundaries.Select(b => (b.At, b.Shift.DeskId, b.IsStart)));
    }
}
