using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;

namespace Malaysia.Ops.Domain.Tests;

public class DeskModelSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 13, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SentAtWall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static List<DeskEvent> AssignSev3Pair(DeskModel desk)
    {
        var events = new List<DeskEvent>();
        events.AddRange(desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev3, 30, T0, T0));
        events.AddRange(desk.Assign("INC-2", IncidentType.ModelDrift, Severity.Sev3, 20, T0, T0));
        return events;
    }

    private static BriefedItem Briefed(string incidentId, Severity severity, double remaining, bool acknowledged = true) =>
        new(incidentId, IncidentType.DataPipelineLag, severity, WorkStatus.Queued, acknowledged, remaining, 1, "notes", "triage and start work");

    [Fact]
    public void One_engineer_works_two_items_one_after_the_other()
    {
        var desk = new DeskModel("my", 1);
        var events = AssignSev3Pair(desk);

        events.AddRange(desk.Advance(T0.AddMinutes(60)));

        Assert.Equal(
            new DeskEvent[]
            {
                new IncidentAcknowledgedByDesk("INC-1", T0),
                new WorkStarted("INC-1", T0),
                new IncidentAcknowledgedByDesk("INC-2", T0),
                new IncidentResolvedByDesk("INC-1", T0.AddMinutes(30)),
                new WorkStarted("INC-2", T0.AddMinutes(30)),
                new IncidentResolvedByDesk("INC-2", T0.AddMinutes(50)),
            },
            events);
        Assert.Equal(0, desk.OpenCount);
        Assert.Equal(T0.AddMinutes(60), desk.Now);
    }

    [Fact]
    public void A_long_backlog_is_worked_most_severe_first_then_oldest_through_a_dark_period()
    {
        // Two engineers and 400 incidents at once: most wait in line for an engineer, and a dark
        // period in the middle moves every waiting item's workable instant.
        var desk = new DeskModel("my", 2, [new DeskDarkPeriod(T0.AddHours(10), T0.AddHours(12))]);
        var severities = new[] { Severity.Sev3, Severity.Sev1, Severity.Sev4, Severity.Sev2 };
        var events = new List<DeskEvent>();
        for (var i = 0; i < 400; i++)
        {
            events.AddRange(desk.Assign($"INC-{i}", IncidentType.DataPipelineLag, severities[i % 4], 15, T0, T0));
        }

        Assert.Equal(400, desk.OpenCount);
        Assert.True(desk.Holds("INC-399"));
        events.AddRange(desk.Advance(T0.AddDays(3)));

        var started = events.OfType<WorkStarted>().Select(e => int.Parse(e.IncidentId["INC-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // The first two find an engineer free as they come; the rest wait in line.
        var expected = Enumerable.Range(0, 2).Concat(Enumerable.Range(2, 398).OrderBy(i => severities[i % 4]).ThenBy(i => i)).ToList();
        Assert.Equal(expected, started);
        Assert.Equal(400, events.OfType<IncidentResolvedByDesk>().Count());
        Assert.Equal(0, desk.OpenCount);

        // 400 x 15 min on two engineers is 50 h of work; the two dark hours come on top, and
        // nothing starts while the desk is dark.
        Assert.Equal(T0.AddHours(52), events.OfType<IncidentResolvedByDesk>().Max(e => e.At));
        Assert.DoesNotContain(events.OfType<WorkStarted>(), e => e.At >= T0.AddHours(10) && e.At < T0.AddHours(12));
    }

    [Fact]
    public void Items_of_a_long_backlog_waiting_for_help_start_only_once_it_comes_and_then_in_turn()
    {
        // Ten engineers get through the 200 that need no help (2,000 min of work) in 200 min.
        var desk = new DeskModel("my", 10);
        var events = new List<DeskEvent>();
        for (var i = 0; i < 300; i++)
        {
            events.AddRange(desk.Assign($"INC-{i}", IncidentType.DataPipelineLag, Severity.Sev3, 10, T0, T0, needsAssist: i % 3 == 0));
        }

        events.AddRange(desk.Advance(T0.AddHours(5)));
        Assert.Equal(100, events.OfType<AssistNeeded>().Count());
        Assert.Equal(200, events.OfType<IncidentResolvedByDesk>().Count());
        Assert.Equal(100, desk.OpenCount);

        // The help comes for every one of them at once; they are then worked oldest first.
        var helped = T0.AddHours(6);
        for (var i = 0; i < 300; i += 3)
        {
            events.AddRange(desk.AssistArrived($"INC-{i}", helped));
        }

        events.AddRange(desk.Advance(T0.AddDays(1)));
        var helpedStarts = events.OfType<WorkStarted>().Where(e => e.IncidentId is var id && int.Parse(id["INC-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0).ToList();
        Assert.Equal(100, helpedStarts.Count);
        Assert.All(helpedStarts, e => Assert.True(e.At >= helped, $"{e.IncidentId} started at {e.At:u}, before its help came"));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"INC-{i * 3}"), helpedStarts.Select(e => e.IncidentId));
        Assert.Equal(0, desk.OpenCount);
    }

    [Fact]
    public void The_outcome_does_not_depend_on_how_often_the_desk_is_advanced()
    {
        var once = new DeskModel("my", 1);
        var onceEvents = AssignSev3Pair(once);
        onceEvents.AddRange(once.Advance(T0.AddMinutes(60)));

        var often = new DeskModel("my", 1);
        var oftenEvents = AssignSev3Pair(often);
        for (var seconds = 7; seconds <= 3600; seconds += 7)
        {
            oftenEvents.AddRange(often.Advance(T0.AddSeconds(seconds)));
        }

        oftenEvents.AddRange(often.Advance(T0.AddMinutes(60)));

        Assert.Equal(onceEvents, oftenEvents);
        Assert.Equal(6, oftenEvents.Count);
    }

    [Fact]
    public void Nothing_happens_before_its_instant()
    {
        var desk = new DeskModel("my", 1);
        AssignSev3Pair(desk);

        Assert.Empty(desk.Advance(T0.AddMinutes(30).AddTicks(-1)));
        Assert.Equal(T0.AddMinutes(30), desk.NextDueAt());
        Assert.Equal(2, desk.OpenCount);
        Assert.Equal(1, desk.BusyEngineers);
    }

    [Fact]
    public void An_item_dropped_while_being_worked_frees_its_engineer_for_the_next_and_is_never_resolved_here()
    {
        var desk = new DeskModel("my", 1);
        AssignSev3Pair(desk);

        Assert.True(desk.Drop("INC-1", T0.AddMinutes(10), out var atDrop));
        var events = desk.Advance(T0.AddMinutes(60));

        Assert.Equal([new WorkStarted("INC-2", T0.AddMinutes(10))], atDrop);
        Assert.Equal([new IncidentResolvedByDesk("INC-2", T0.AddMinutes(30))], events);
        Assert.False(desk.Drop("INC-1", T0.AddMinutes(60), out _));
        Assert.Equal(0, desk.OpenCount);
    }

    [Fact]
    public void An_item_dropped_after_it_was_worked_out_is_not_reported_and_its_engineer_went_on_to_the_next_when_it_was()
    {
        var desk = new DeskModel("my", 1);
        AssignSev3Pair(desk);

        desk.Drop("INC-1", T0.AddMinutes(40), out var atDrop);

        Assert.Equal([new WorkStarted("INC-2", T0.AddMinutes(30))], atDrop);
        Assert.Equal([new IncidentResolvedByDesk("INC-2", T0.AddMinutes(50))], desk.Advance(T0.AddMinutes(60)));
    }

    [Fact]
    public void Two_engineers_work_two_items_at_once()
    {
        var desk = new DeskModel("my", 2);
        AssignSev3Pair(desk);

        var events = desk.Advance(T0.AddMinutes(60));

        Assert.Equal(
            new DeskEvent[]
            {
                new IncidentResolvedByDesk("INC-2", T0.AddMinutes(20)),
                new IncidentResolvedByDesk("INC-1", T0.AddMinutes(30)),
            },
            events);
    }

    [Fact]
    public void The_most_severe_queued_item_starts_first_when_an_engineer_frees()
    {
        var desk = new DeskModel("my", 1);
        AssignSev3Pair(desk);
        desk.Assign("INC-3", IncidentType.DataCentrePowerAlarm, Severity.Sev1, 10, T0.AddMinutes(5), T0.AddMinutes(5));

        var events = desk.Advance(T0.AddMinutes(90));

        Assert.Equal(
            new DeskEvent[]
            {
                new IncidentResolvedByDesk("INC-1", T0.AddMinutes(30)),
                new WorkStarted("INC-3", T0.AddMinutes(30)),
                new IncidentResolvedByDesk("INC-3", T0.AddMinutes(40)),
                new WorkStarted("INC-2", T0.AddMinutes(40)),
                new IncidentResolvedByDesk("INC-2", T0.AddMinutes(60)),
            },
            events);
    }

    [Fact]
    public void An_item_assigned_in_a_gap_is_acknowledged_and_started_when_the_shift_starts()
    {
        var desk = new DeskModel("us", 1);
        var shiftStart = T0.AddMinutes(30);

        var onAssign = desk.Assign("INC-1", IncidentType.SecurityAlert, Severity.Sev2, 15, shiftStart, T0);

        Assert.Empty(onAssign);
        Assert.Equal(shiftStart, desk.NextDueAt());
        Assert.Empty(desk.Advance(shiftStart.AddTicks(-1)));
        Assert.Equal(
            new DeskEvent[]
            {
                new IncidentAcknowledgedByDesk("INC-1", shiftStart),
                new WorkStarted("INC-1", shiftStart),
            },
            desk.Advance(shiftStart.AddMinutes(1)));
        Assert.Equal(shiftStart.AddMinutes(15), desk.NextDueAt());
    }

    [Fact]
    public void A_redelivered_assignment_is_ignored()
    {
        var desk = new DeskModel("my", 1);
        desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev3, 30, T0, T0);

        var again = desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev3, 30, T0, T0.AddMinutes(1));

        Assert.Empty(again);
        Assert.Equal(1, desk.OpenCount);
        Assert.True(desk.Holds("INC-1"));
        Assert.Equal(
            new DeskEvent[] { new IncidentResolvedByDesk("INC-1", T0.AddMinutes(30)) },
            desk.Advance(T0.AddHours(2)));
    }

    [Fact]
    public void NextDueAt_is_null_when_the_desk_is_idle()
    {
        var desk = new DeskModel("my", 1);
        Assert.Null(desk.NextDueAt());

        desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev3, 30, T0, T0);
        desk.Advance(T0.AddHours(1));

        Assert.Null(desk.NextDueAt());
        Assert.Equal(0, desk.BusyEngineers);
    }

    [Fact]
    public void Engineers_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeskModel("my", 0));
    }

    [Fact]
    public void HandOverAll_briefs_every_open_item_with_its_remaining_work_most_severe_first()
    {
        var desk = new DeskModel("my", 1);
        AssignSev3Pair(desk);
        desk.Assign("INC-3", IncidentType.DataCentreCoolingAlarm, Severity.Sev2, 45, T0.AddMinutes(5), T0.AddMinutes(5));

        var briefed = desk.HandOverAll("HO-T", T0.AddMinutes(10), out var eventsBefore);

        Assert.Equal(["INC-3", "INC-1", "INC-2"], briefed.Select(b => b.IncidentId));
        Assert.Equal([45d, 20d, 20d], briefed.Select(b => b.RemainingWorkMinutes));
        Assert.Equal([WorkStatus.Queued, WorkStatus.InProgress, WorkStatus.Queued], briefed.Select(b => b.Status));
        Assert.All(briefed, b => Assert.Equal(1, b.TimesHandedOver));
        Assert.All(briefed, b => Assert.True(b.Acknowledged));
        Assert.Equal(Severity.Sev2, briefed[0].Severity);
        Assert.Equal(IncidentType.DataCentreCoolingAlarm, briefed[0].Type);
        Assert.Empty(eventsBefore);
        Assert.Equal(0, desk.OpenCount);
        Assert.Null(desk.NextDueAt());
        Assert.Empty(desk.Advance(T0.AddHours(2)));
    }

    [Fact]
    public void HandOverAll_first_plays_out_what_happened_before_the_shift_ended()
    {
        var desk = new DeskModel("my", 1);
        AssignSev3Pair(desk);

        var briefed = Assert.Single(desk.HandOverAll("HO-T", T0.AddMinutes(40), out var eventsBefore));

        Assert.Equal(
            new DeskEvent[]
            {
                new IncidentResolvedByDesk("INC-1", T0.AddMinutes(30)),
                new WorkStarted("INC-2", T0.AddMinutes(30)),
            },
            eventsBefore);
        Assert.Equal("INC-2", briefed.IncidentId);
        Assert.Equal(WorkStatus.InProgress, briefed.Status);
        Assert.Equal(10, briefed.RemainingWorkMinutes);
    }

    [Fact]
    public void HandOverAll_counts_earlier_handovers_and_reports_items_still_under_review()
    {
        var desk = new DeskModel("us", 1);
        desk.ReceiveBriefing("HO-1", "my", [Briefed("INC-9", Severity.Sev3, 12) with { TimesHandedOver = 2 }], SentAtWall, T0, TimeSpan.FromMinutes(3), T0);

        var briefed = Assert.Single(desk.HandOverAll("HO-T", T0.AddMinutes(1), out var eventsBefore));

        Assert.Empty(eventsBefore);
        Assert.Equal(WorkStatus.AwaitingAcceptance, briefed.Status);
        Assert.Equal(12, briefed.RemainingWorkMinutes);
        Assert.Equal(3, briefed.TimesHandedOver);
    }

    [Fact]
    public void A_briefing_is_taken_over_one_item_per_review_after_accept_from()
    {
        var desk = new DeskModel("us", 2);
        var acceptFrom = T0.AddMinutes(60);
        var items = new[] { Briefed("INC-1", Severity.Sev2, 40), Briefed("INC-2", Severity.Sev3, 10) };

        var onReceipt = desk.ReceiveBriefing("HO-1", "my", items, SentAtWall, acceptFrom, TimeSpan.FromMinutes(3), T0);
        var later = desk.Advance(acceptFrom.AddMinutes(30));

        Assert.Empty(onReceipt);
        Assert.Equal(
            new DeskEvent[]
            {
                new HandoffItemTakenOver("HO-1", "INC-1", SentAtWall, acceptFrom.AddMinutes(3)),
                new WorkStarted("INC-1", acceptFrom.AddMinutes(3)),
                new HandoffItemTakenOver("HO-1", "INC-2", SentAtWall, acceptFrom.AddMinutes(6)),
                new HandoffIntakeFinished("HO-1", "my", 2, SentAtWall, acceptFrom.AddMinutes(6)),
                new WorkStarted("INC-2", acceptFrom.AddMinutes(6)),
                new IncidentResolvedByDesk("INC-2", acceptFrom.AddMinutes(16)),
            },
            later);
    }

    [Fact]
    public void A_briefing_that_lists_an_incident_twice_gives_the_desk_one_item_for_it()
    {
        var desk = new DeskModel("us", 1);
        var items = new[] { Briefed("INC-1", Severity.Sev2, 40), Briefed("INC-1", Severity.Sev2, 40), Briefed("INC-2", Severity.Sev3, 10) };

        desk.ReceiveBriefing("HO-1", "my", items, SentAtWall, T0, TimeSpan.FromMinutes(3), T0);
        var later = desk.Advance(T0.AddMinutes(10));

        Assert.Equal(2, desk.HandOverAll("HO-T", T0.AddMinutes(10), out _).Count);
        Assert.Single(later.OfType<HandoffIntakeFinished>(), f => f.ItemsAccepted == 2);
    }

    [Fact]
    public void An_unacknowledged_briefed_item_is_acknowledged_when_taken_over()
    {
        var desk = new DeskModel("us", 1);

        desk.ReceiveBriefing("HO-1", "my", [Briefed("INC-1", Severity.Sev3, 10, acknowledged: false)], SentAtWall, T0, TimeSpan.FromMinutes(3), T0);
        var events = desk.Advance(T0.AddMinutes(3));

        Assert.Equal(
            new DeskEvent[]
            {
                new HandoffItemTakenOver("HO-1", "INC-1", SentAtWall, T0.AddMinutes(3)),
                new HandoffIntakeFinished("HO-1", "my", 1, SentAtWall, T0.AddMinutes(3)),
                new IncidentAcknowledgedByDesk("INC-1", T0.AddMinutes(3)),
                new WorkStarted("INC-1", T0.AddMinutes(3)),
            },
            events);
    }

    [Fact]
    public void Review_starts_now_when_the_briefing_arrives_after_accept_from()
    {
        var desk = new DeskModel("us", 1);
        var arrival = T0.AddMinutes(20);

        desk.ReceiveBriefing("HO-1", "my", [Briefed("INC-1", Severity.Sev3, 10)], SentAtWall, T0, TimeSpan.FromMinutes(3), arrival);

        Assert.Equal(arrival.AddMinutes(3), desk.NextDueAt());
    }

    [Fact]
    public void An_empty_briefing_finishes_at_accept_from()
    {
        var desk = new DeskModel("us", 1);
        var acceptFrom = T0.AddMinutes(60);

        var onReceipt = desk.ReceiveBriefing("HO-1", "my", [], SentAtWall, acceptFrom, TimeSpan.FromMinutes(3), T0);

        Assert.Empty(onReceipt);
        Assert.Equal(acceptFrom, desk.NextDueAt());
        Assert.Equal(
            new DeskEvent[] { new HandoffIntakeFinished("HO-1", "my", 0, SentAtWall, acceptFrom) },
            desk.Advance(acceptFrom.AddMinutes(10)));
        Assert.Null(desk.NextDueAt());
    }

    [Fact]
    public void Briefed_items_the_desk_already_holds_are_not_taken_twice()
    {
        var desk = new DeskModel("us", 1);
        desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev3, 30, T0, T0);

        desk.ReceiveBriefing("HO-1", "my", [Briefed("INC-1", Severity.Sev3, 30), Briefed("INC-2", Severity.Sev3, 5)], SentAtWall, T0, TimeSpan.FromMinutes(3), T0);
        var events = desk.Advance(T0.AddMinutes(3));

        Assert.Equal(2, desk.OpenCount);
        Assert.Equal(
            new DeskEvent[]
            {
                new HandoffItemTakenOver("HO-1", "INC-2", SentAtWall, T0.AddMinutes(3)),
                new HandoffIntakeFinished("HO-1", "my", 1, SentAtWall, T0.AddMinutes(3)),
            },
            events);
    }
}
