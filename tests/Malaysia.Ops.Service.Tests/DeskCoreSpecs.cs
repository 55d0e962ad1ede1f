using System.Text.Json;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Desk;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The desk's decisions without a bus or a clock: the exact messages a
/// <see cref="DeskCore"/> sends for a given sequence of messages and instants.</summary>
public sealed class DeskCoreSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 13, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Instance = new("6f1c2b8e-0000-4000-8000-000000000001");

    private static DeskCore Desk(Action<DeskOptions>? configure = null)
    {
        var options = new DeskOptions { Id = "us", Engineers = 1 };
        configure?.Invoke(options);
        return new DeskCore(options, seed: 7, Instance);
    }

    private static IncidentAssigned Assigned(string incidentId, DateTimeOffset at, IncidentType type = IncidentType.DataPipelineLag, double workMinutes = 30, DateTimeOffset? onDutyFrom = null) =>
        new(incidentId, "us", "US-1", onDutyFrom ?? T0, false, type, Severity.Sev3, workMinutes, at);

    private static ShiftEnding ShiftEnds(DateTimeOffset at) => new("HO-1", "US-1", "us", "my", "MY-1", T0.AddHours(1), at);

    private static DeskFaultInjected Fault(DeskFault fault, DateTimeOffset at, double? factor = null, double? delayMinutes = null) =>
        new("us", fault, factor, delayMinutes, "lead", at);

    private static DeskStateReported State(DateTimeOffset at, params string[] faults) => new("us", false, faults, at, Instance: Instance);

    private static HandoffBriefing Briefing(DateTimeOffset at, params HandoffItem[] items) => new("HO-1", "us", "my", T0.AddHours(1), items, default, at);

    /// <summary>Messages compared by type and content (their lists by their items).</summary>
    private static void AssertSent(IEnumerable<IOpsMessage> expected, IEnumerable<IOpsMessage> actual) =>
        Assert.Equal(expected.Select(Line), actual.Select(Line));

    private static string Line(IOpsMessage message) => $"{message.GetType().Name} {JsonSerializer.Serialize(message, message.GetType())}";

    [Fact]
    public void An_assigned_incident_is_acknowledged_and_started_at_once_and_resolved_when_its_work_is_done()
    {
        var desk = Desk();

        AssertSent(
            [
                new IncidentAcknowledged("INC-1", "us", T0),
                new IncidentUpdated("INC-1", "us", "us engineer started work", "fix and verify", T0, WorkStarted: true),
            ],
            desk.Apply(Assigned("INC-1", T0), T0));
        Assert.Equal(T0.AddMinutes(30), desk.NextDueAt());
        AssertSent([new IncidentResolved("INC-1", "us", T0.AddMinutes(30))], desk.Advance(T0.AddMinutes(60)));
        Assert.Null(desk.NextDueAt());
        Assert.Equal(0, desk.OpenCount);
    }

    [Fact]
    public void A_desk_starts_by_reporting_its_state_as_a_new_instance()
    {
        AssertSent([new DeskStateReported("us", false, [], T0, Started: true, Instance: Instance)], Desk().Start(T0));
    }

    [Fact]
    public void A_slowed_desk_takes_longer_but_briefs_the_work_left_as_a_skilled_engineer_would_do_it()
    {
        var desk = Desk();

        AssertSent([State(T0, "slow ×2")], desk.Apply(Fault(DeskFault.Slow, T0, factor: 2), T0));
        desk.Apply(Assigned("INC-1", T0), T0);

        // Lifting the slow-down does not change the incident already taken in.
        AssertSent([State(T0)], desk.Apply(Fault(DeskFault.NormalSpeed, T0), T0));

        // 60 minutes here, 20 of them worked: 40 left here are 20 for a skilled engineer.
        AssertSent(
            [
                Briefing(T0.AddMinutes(20), WrittenBriefings.Drafted(new HandoffItem("INC-1", IncidentType.DataPipelineLag, Severity.Sev3, WorkStatus.InProgress, true, 20, 1, "us worked it since 02:00Z; 40 min of work left", "continue the fix"))),
                State(T0.AddMinutes(20)),
            ],
            desk.Apply(ShiftEnds(T0.AddMinutes(20)), T0.AddMinutes(20)));
        Assert.Equal(0, desk.OpenCount);
    }

    [Fact]
    public void An_assignment_after_the_shift_was_handed_over_goes_on_to_the_incoming_desk()
    {
        var desk = Desk();
        AssertSent([Briefing(T0), State(T0)], desk.Apply(ShiftEnds(T0), T0));

        AssertSent(
            [Briefing(T0.AddMinutes(5), new HandoffItem("INC-2", IncidentType.DataPipelineLag, Severity.Sev3, WorkStatus.Queued, false, 30, 1, "assigned to us after its shift ended", "triage and start work"))],
            desk.Apply(Assigned("INC-2", T0.AddMinutes(5)), T0.AddMinutes(5)));
        Assert.Equal(0, desk.OpenCount);
    }

    [Fact]
    public void A_stopped_desk_keeps_what_reaches_it_and_takes_it_in_when_it_resumes()
    {
        var desk = Desk();

        AssertSent([State(T0, "stopped since 02:00Z")], desk.Apply(Fault(DeskFault.Stop, T0), T0));
        Assert.Empty(desk.Apply(Assigned("INC-1", T0.AddMinutes(5)), T0.AddMinutes(5)));
        Assert.Null(desk.NextDueAt());
        Assert.Empty(desk.Advance(T0.AddMinutes(9)));

        AssertSent(
            [
                new IncidentAcknowledged("INC-1", "us", T0.AddMinutes(10)),
                new IncidentUpdated("INC-1", "us", "us engineer started work", "fix and verify", T0.AddMinutes(10), WorkStarted: true),
                State(T0.AddMinutes(10)),
            ],
            desk.Apply(Fault(DeskFault.Resume, T0.AddMinutes(10)), T0.AddMinutes(10)));
        Assert.Equal(T0.AddMinutes(40), desk.NextDueAt());
    }

    [Fact]
    public void A_delayed_briefing_goes_out_when_its_delay_is_over()
    {
        var desk = Desk();

        AssertSent([State(T0, "next briefing delayed 30 min")], desk.Apply(Fault(DeskFault.DelayNextBriefing, T0, delayMinutes: 30), T0));
        AssertSent([State(T0.AddMinutes(5))], desk.Apply(ShiftEnds(T0.AddMinutes(5)), T0.AddMinutes(5)));
        Assert.Equal(T0.AddMinutes(35), desk.NextDueAt());
        Assert.Empty(desk.Advance(T0.AddMinutes(34)));

        AssertSent([Briefing(T0.AddMinutes(35))], desk.Advance(T0.AddMinutes(35)));
        Assert.Contains(desk.TakeNotes(), n => n.Warning && n.Text == "Briefing HO-1 goes out 30 simulated minutes late (delay injected)");
        Assert.Null(desk.NextDueAt());
    }

    [Fact]
    public void A_shift_that_ends_while_the_desk_is_dark_is_briefed_when_it_is_back()
    {
        var desk = Desk(o => o.Outages = [new DeskOutageOptions { From = T0, To = T0.AddMinutes(30) }, new DeskOutageOptions { From = T0.AddMinutes(30), To = T0.AddMinutes(45) }]);

        Assert.Empty(desk.Apply(ShiftEnds(T0.AddMinutes(10)), T0.AddMinutes(10)));
        Assert.Empty(desk.Apply(ShiftEnds(T0.AddMinutes(10)), T0.AddMinutes(11)));

        // Back-to-back outages: briefed when the last of them ends, once.
        Assert.Empty(desk.Advance(T0.AddMinutes(44)));
        Assert.Equal(T0.AddMinutes(45), desk.NextDueAt());
        AssertSent([Briefing(T0.AddMinutes(45)), State(T0.AddMinutes(45))], desk.Advance(T0.AddMinutes(45)));
        Assert.Empty(desk.Advance(T0.AddMinutes(60)));
    }

    [Fact]
    public void An_escalated_incident_nobody_picked_up_is_passed_on_with_its_work_as_a_skilled_engineer_would_do_it()
    {
        // The desk lacks the skill: the 30 minutes take 45 here, and 30 again on the next desk.
        var desk = Desk(o => o.Skills = ["storage"]);
        desk.Apply(Assigned("INC-1", T0, onDutyFrom: T0.AddHours(2)), T0);

        AssertSent(
            [new IncidentAssigned("INC-1", "my", "MY-1", T0.AddMinutes(30), false, IncidentType.DataPipelineLag, Severity.Sev3, 30, T0.AddMinutes(20))],
            desk.Apply(new IncidentEscalated("INC-1", "us", "my", false, "MY-1", T0.AddMinutes(30), "acknowledgement target at risk", T0.AddMinutes(20)), T0.AddMinutes(20)));
        Assert.Equal(0, desk.OpenCount);
        Assert.Null(desk.NextDueAt());
    }

    [Fact]
    public void An_incident_that_needs_another_desk_asks_it_for_help()
    {
        var desk = Desk();

        AssertSent(
            [
                new IncidentAcknowledged("INC-1", "us", T0),
                new AssistRequested("INC-1", "us", "my", AssistKind.SiteHands, T0),
            ],
            desk.Apply(Assigned("INC-1", T0, type: IncidentType.GpuNodeFailure), T0));
    }

    [Fact]
    public void A_briefing_is_taken_over_once_and_a_supplement_with_nothing_new_completes_nothing_again()
    {
        var desk = Desk();
        var sentAtWall = new DateTimeOffset(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var briefing = new HandoffBriefing("HO-2", "my", "us", T0, [], sentAtWall, T0);

        AssertSent([new HandoffCompleted("HO-2", "my", "us", 0, 0, sentAtWall, default, T0)], desk.Apply(briefing, T0));
        Assert.Empty(desk.Apply(briefing with { SimulatedAt = T0.AddMinutes(1) }, T0.AddMinutes(1)));
    }

    [Fact]
    public void A_person_leading_the_desk_out_writes_its_briefing_and_the_items_they_leave_out_go_without_context()
    {
        var desk = Desk(o => o.Engineers = 2);
        AssertSent([new DeskStateReported("us", false, [], T0, Instance: Instance, HumanBriefing: true)], desk.Apply(new DeskRehearsalModeSet("us", true, "console", T0, Outgoing: true), T0));
        desk.Apply(Assigned("INC-1", T0), T0);
        desk.Apply(Assigned("INC-2", T0), T0);

        // At the shift end nothing goes out: the desk reports the briefing it holds for the lead.
        var held = Assert.Single(desk.Apply(ShiftEnds(T0.AddMinutes(10)), T0.AddMinutes(10)));
        var toWrite = Assert.IsType<DeskStateReported>(held).BriefingToWrite;
        Assert.Equal(["INC-1", "INC-2"], toWrite!.Items.Select(i => i.IncidentId));
        Assert.Equal(T0.AddMinutes(40), desk.NextDueAt());

        var written = new WrittenBriefingItem("INC-1", Severity.Sev2, "ETL lag on the orders feed, half fixed", ["restart the consumer", "watch the lag"], "lag above 30 min", "fail over to the replica");
        var sent = desk.Apply(new HandoffBriefingWritten("HO-1", "us", [written], "Dana (outgoing lead, US)", T0.AddMinutes(15)), T0.AddMinutes(15));

        var briefing = Assert.IsType<HandoffBriefing>(sent[0]);
        var (briefed, omitted) = (briefing.Items[0], briefing.Items[1]);
        Assert.Equal((Severity.Sev2, "ETL lag on the orders feed, half fixed", "restart the consumer", false), (briefed.JudgedSeverity!.Value, briefed.Summary!, briefed.NextAction, briefed.ContextMissing));
        Assert.Equal(["restart the consumer", "watch the lag"], briefed.Actions!);
        Assert.Equal(("lag above 30 min", "fail over to the replica"), (briefed.WatchFor!, briefed.IfItHappens!));
        Assert.Equal(("INC-2", true, "", null), (omitted.IncidentId, omitted.ContextMissing, omitted.Notes, omitted.Summary));
        Assert.Null(Assert.IsType<DeskStateReported>(sent[1]).BriefingToWrite);
        Assert.Null(desk.NextDueAt());
    }

    [Fact]
    public void A_briefing_nobody_writes_in_time_goes_out_as_the_desk_drafted_it()
    {
        var desk = Desk(o => o.BriefingWriteMinutes = 20);
        desk.Apply(new DeskRehearsalModeSet("us", true, "console", T0, Outgoing: true), T0);
        desk.Apply(Assigned("INC-1", T0), T0);
        desk.Apply(ShiftEnds(T0.AddMinutes(10)), T0.AddMinutes(10));

        var sent = desk.Advance(T0.AddMinutes(30));

        var item = Assert.Single(Assert.IsType<HandoffBriefing>(sent[0]).Items);
        Assert.Equal(Severity.Sev3, item.JudgedSeverity);
        Assert.Equal(item.Notes, item.Summary);
        Assert.Equal([item.NextAction], item.Actions!);
        Assert.False(string.IsNullOrEmpty(item.WatchFor));
        Assert.Empty(desk.Apply(new HandoffBriefingWritten("HO-1", "us", [], "late", T0.AddMinutes(31)), T0.AddMinutes(31)));
    }

    [Fact]
    public void A_message_the_desk_does_not_take_is_refused_by_name()
    {
        var refused = Assert.Throws<ArgumentException>(() => Desk().Apply(new IncidentRaised("INC-1", IncidentType.DataPipelineLag, Severity.Sev3, "kul-etl-1", "lag", 30, T0), T0));
        Assert.StartsWith("the US desk does not take IncidentRaised", refused.Message, StringComparison.Ordinal);
    }
}
