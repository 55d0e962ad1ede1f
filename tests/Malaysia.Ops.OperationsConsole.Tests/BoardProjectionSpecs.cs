using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.OperationsConsole.Board;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>The board's picture of a run, built from the messages the services publish.</summary>
public class BoardProjectionSpecs
{
    private static readonly DateTimeOffset HandoffAt = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private const string HandoffId = "HO-20260715T0000Z-us-my";

    private static Roster UsAndMy() => Roster.Create(
    [
        new DeskRoster("us", "US desk (New York)", TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), [DayShift()]),
        new DeskRoster("my", "Malaysian desk (Kuala Lumpur)", TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur"), [DayShift()]),
    ]);

    private static ShiftPattern DayShift() =>
        ShiftPattern.TryParse("08:00-20:00", out var shift) ? shift : throw new InvalidOperationException("not a shift");

    private static BoardProjection Board() => new(UsAndMy(), ServiceLevels.Default, "http://jaeger.local/trace/{traceId}");

    private static BoardSnapshot Snapshot(BoardProjection board, DateTimeOffset now) =>
        board.Snapshot("test", "embedded", new RunStatus(RunState.Running, now, 60, now.AddHours(-1), now.AddHours(12), null), new BoardFlow(0, 0, 0, null, null));

    private static HandoffItem Item(string id) =>
        new(id, IncidentType.GpuNodeFailure, Severity.Sev1, WorkStatus.InProgress, true, 200, 1, "us worked it since 23:40Z", "continue the fix");

    private static void Raise(BoardProjection board, string id, Severity severity, DateTimeOffset at, string deskId = "us")
    {
        board.Raised(new IncidentRaised(id, IncidentType.GpuNodeFailure, severity, "kul-gpu-a", "Xid 79", 240, at), "4bf92f3577b34da6a3ce929d0e0e4736", synthetic: false, Wall);
        board.Assigned(new IncidentAssigned(id, deskId, "us-20260714-0800", at, false, IncidentType.GpuNodeFailure, severity, 240, at));
    }

    [Fact]
    public void An_incident_is_on_its_desk_with_age_SLA_state_and_a_link_to_its_trace()
    {
        var board = Board();
        Raise(board, "INC-1", Severity.Sev1, HandoffAt.AddMinutes(-30));

        var open = Assert.Single(Snapshot(board, HandoffAt.AddMinutes(-20)).Desks.Single(d => d.DeskId == "us").Open);

        Assert.Equal(("INC-1", Severity.Sev1, 10.0, OpenIncidentStatus.Assigned), (open.IncidentId, open.Severity, open.AgeMinutes, open.Status));
        Assert.Equal(SlaState.AtRisk, open.Sla); // Sev1 is to be acknowledged within 15 minutes.
        Assert.Equal("http://jaeger.local/trace/4bf92f3577b34da6a3ce929d0e0e4736", open.TraceUrl);
    }

    [Fact]
    public void Duty_names_the_desk_on_duty_and_the_next_handoff_with_its_countdown()
    {
        var duty = Snapshot(Board(), HandoffAt.AddMinutes(-45)).Duty;

        Assert.Equal(["us"], duty.OnDuty);
        Assert.Equal(new NextHandoff("us", "my", HandoffAt, 45), duty.Next);
    }

    [Fact]
    public void In_January_the_coverage_strip_marks_the_hour_nobody_covers()
    {
        var january = new DateTimeOffset(2026, 1, 14, 0, 0, 0, TimeSpan.Zero);

        var coverage = Snapshot(Board(), january).Coverage;

        Assert.Equal(new TimeSpanOnStrip(january.AddHours(12), january.AddHours(13)), Assert.Single(coverage.Gaps));
        Assert.Equal(["us", "my"], coverage.Desks.Select(d => d.DeskId));
    }

    [Fact]
    public void A_briefing_to_a_desk_in_rehearsal_waits_for_a_person_and_their_acceptance_is_its_latency()
    {
        var board = Board();
        board.DeskReported(new DeskStateReported("my", Human: true, [], HandoffAt.AddHours(-1)), Wall);
        Raise(board, "INC-1", Severity.Sev1, HandoffAt.AddMinutes(-30));
        board.Briefed(new HandoffBriefing(HandoffId, "us", "my", HandoffAt, [Item("INC-1"), Item("INC-2")], Wall, HandoffAt), Wall);

        var waiting = Snapshot(board, HandoffAt.AddMinutes(5));
        Assert.Equal("my", board.PersonItem(HandoffId, "INC-1"));
        var briefing = Assert.Single(waiting.Rehearsal);
        Assert.Equal([PendingItemState.Waiting, PendingItemState.Waiting], briefing.Items.Select(i => i.State));
        Assert.Equal(OpenIncidentStatus.InHandoff, waiting.Desks.Single(d => d.DeskId == "my").Open.Single().Status);

        board.ItemAccepted(new HandoffItemAccepted(HandoffId, "INC-1", "my", Wall, Wall, HandoffAt.AddMinutes(7.5)), Wall);
        board.HandoffEscalated(new HandoffEscalated(HandoffId, "INC-2", "us", "my", "not accepted within the handoff window", HandoffAt.AddMinutes(60)), Wall);

        var after = Snapshot(board, HandoffAt.AddMinutes(61));
        var row = Assert.Single(after.Handoffs);
        Assert.Equal((2, 1, 1, 7.5, true), (row.Items, row.Accepted, row.Escalated, row.LatencyP50Minutes!.Value, row.ByPerson));
        Assert.Null(board.PersonItem(HandoffId, "INC-1"));
        Assert.Contains(after.Timeline, t => t.Text == "INC-1 accepted by the MY desk lead after 7.5 min");

        // The escalated item still waits on the desk for the person, who can take it over late.
        Assert.Equal("my", board.PersonItem(HandoffId, "INC-2"));
        Assert.Equal([PendingItemState.Accepted, PendingItemState.Escalated], Assert.Single(after.Rehearsal).Items.Select(i => i.State));
        board.ItemAccepted(new HandoffItemAccepted(HandoffId, "INC-2", "my", Wall, Wall, HandoffAt.AddMinutes(70)), Wall);
        Assert.Empty(Snapshot(board, HandoffAt.AddMinutes(71)).Rehearsal);
        Assert.Null(board.PersonItem(HandoffId, "INC-2"));
    }

    [Fact]
    public void Resolved_incidents_leave_the_desks_and_count_in_the_last_hour_and_the_totals()
    {
        var board = Board();
        Raise(board, "INC-1", Severity.Sev3, HandoffAt.AddHours(-3));
        Raise(board, "INC-2", Severity.Sev3, HandoffAt.AddMinutes(-30));
        board.Resolved(new IncidentResolved("INC-1", "us", HandoffAt.AddMinutes(-10)));
        board.Resolved(new IncidentResolved("INC-1", "us", HandoffAt.AddMinutes(-9)));

        var snapshot = Snapshot(board, HandoffAt.AddMinutes(-5));

        Assert.Equal(["INC-2"], snapshot.Desks.Single(d => d.DeskId == "us").Open.Select(i => i.IncidentId));
        Assert.Equal((1, 1), (snapshot.Flow.RaisedLastHour, snapshot.Flow.ResolvedLastHour));
        Assert.Equal((2, 1, 1), (snapshot.Totals.Raised, snapshot.Totals.Resolved, snapshot.Totals.Open));
    }

    [Fact]
    public void Control_actions_desk_reports_and_rejected_messages_are_on_the_timeline_newest_first()
    {
        var board = Board();
        board.Control("console stopped the MY desk", HandoffAt, Wall);
        board.DeskReported(new DeskStateReported("my", false, ["stopped since 00:00Z"], HandoffAt), Wall);
        board.Rejected("my", null, nameof(IncidentAssigned), "IncidentAssigned rejected: Severity 99 is not a severity", HandoffAt.AddMinutes(1), Wall);

        var snapshot = Snapshot(board, HandoffAt.AddMinutes(2));

        Assert.Equal([TimelineKind.Fault, TimelineKind.Fault, TimelineKind.Control], snapshot.Timeline.Select(t => t.Kind));
        Assert.Contains("Severity 99 is not a severity", snapshot.Timeline[0].Text, StringComparison.Ordinal);
        Assert.Equal(["stopped since 00:00Z"], snapshot.Desks.Single(d => d.DeskId == "my").Faults);
    }

    [Fact]
    public void A_full_board_lets_its_oldest_open_incidents_go_and_counts_them()
    {
        var board = new BoardProjection(UsAndMy(), ServiceLevels.Default, incidentsKept: 3);
        Raise(board, "INC-1", Severity.Sev3, HandoffAt.AddMinutes(-50));
        Raise(board, "INC-2", Severity.Sev3, HandoffAt.AddMinutes(-40));
        Raise(board, "INC-3", Severity.Sev3, HandoffAt.AddMinutes(-30));
        board.Resolved(new IncidentResolved("INC-2", "us", HandoffAt.AddMinutes(-25)));
        Raise(board, "INC-4", Severity.Sev3, HandoffAt.AddMinutes(-20));
        Raise(board, "INC-5", Severity.Sev3, HandoffAt.AddMinutes(-10));

        var snapshot = Snapshot(board, HandoffAt);

        Assert.Equal(["INC-3", "INC-4", "INC-5"], snapshot.Desks.Single(d => d.DeskId == "us").Open.Select(i => i.IncidentId));
        Assert.Equal((5, 1, 3, 1), (snapshot.Totals.Raised, snapshot.Totals.Resolved, snapshot.Totals.Open, snapshot.Totals.IncidentsDropped));
        Assert.Equal(3, snapshot.Flow.RaisedLastHour);
    }

    [Fact]
    public void A_full_board_lets_its_oldest_handoffs_go_and_counts_the_items_it_cannot_hold()
    {
        var board = new BoardProjection(UsAndMy(), ServiceLevels.Default, itemsKept: 3);
        board.Briefed(new HandoffBriefing("HO-A", "us", "my", HandoffAt, [Item("INC-1"), Item("INC-2")], Wall, HandoffAt), Wall);
        board.Briefed(new HandoffBriefing("HO-B", "my", "us", HandoffAt.AddHours(12), [Item("INC-3"), Item("INC-4")], Wall, HandoffAt.AddHours(12)), Wall);

        Assert.Equal([("HO-B", 2)], Snapshot(board, HandoffAt.AddHours(13)).Handoffs.Select(h => (h.HandoffId, h.Items)));

        board.Briefed(new HandoffBriefing("HO-C", "us", "my", HandoffAt.AddHours(24), [Item("INC-5"), Item("INC-6"), Item("INC-7"), Item("INC-8")], Wall, HandoffAt.AddHours(24)), Wall);

        var snapshot = Snapshot(board, HandoffAt.AddHours(25));
        Assert.Equal([("HO-C", 3)], snapshot.Handoffs.Select(h => (h.HandoffId, h.Items)));
        Assert.Equal((3, 1), (snapshot.Totals.Handoffs, snapshot.Totals.ItemsDropped));
    }

    [Fact]
    public void Reports_of_a_desk_not_on_the_roster_are_not_kept()
    {
        var board = Board();

        board.DeskReported(new DeskStateReported("zz", true, ["stopped since 00:00Z"], HandoffAt), Wall);

        Assert.Empty(Snapshot(board, HandoffAt).Timeline);
        Assert.Equal(1, board.MessagesSeen);
    }
}
