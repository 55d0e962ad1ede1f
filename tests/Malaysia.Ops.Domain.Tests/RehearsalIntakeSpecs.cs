using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>A person as the incoming lead: briefed items wait for their decision, however long,
/// and the time they take is the item's latency; a desk stopped from the console is dark for
/// exactly the stop.</summary>
public class RehearsalIntakeSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SentAtWall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static BriefedItem Item(string id, double work = 20, bool contextMissing = false) =>
        new(id, IncidentType.GpuNodeFailure, Severity.Sev1, WorkStatus.InProgress, true, work, 1, "notes", "continue the fix", contextMissing);

    private static DeskModel Briefed(params BriefedItem[] items)
    {
        var desk = new DeskModel("my", 2);
        desk.ReceiveBriefing("HO-1", "us", items, SentAtWall, T0, TimeSpan.FromMinutes(3), T0, byPerson: true);
        return desk;
    }

    [Fact]
    public void Items_for_a_person_wait_for_their_decision_and_never_time_out_on_their_own()
    {
        var desk = Briefed(Item("INC-1"), Item("INC-2"));

        Assert.Empty(desk.Advance(T0.AddHours(6)));
        Assert.Null(desk.NextDueAt());
    }

    [Fact]
    public void An_accepted_item_is_taken_over_when_the_person_accepts_it_and_then_worked()
    {
        var desk = Briefed(Item("INC-1", work: 20), Item("INC-2"));

        var events = new List<DeskEvent>(desk.PersonDecides("HO-1", "INC-1", accept: true, question: null, T0.AddMinutes(7))!);
        events.AddRange(desk.Advance(T0.AddHours(1)));

        Assert.Contains(new HandoffItemTakenOver("HO-1", "INC-1", SentAtWall, T0.AddMinutes(7)), events);
        Assert.Contains(new IncidentResolvedByDesk("INC-1", T0.AddMinutes(27)), events);
        Assert.DoesNotContain(events, e => e is HandoffItemTakenOver { IncidentId: "INC-2" });
        Assert.DoesNotContain(events, e => e is HandoffIntakeFinished);
    }

    [Fact]
    public void A_query_is_sent_with_the_persons_question_and_the_item_keeps_waiting_for_them()
    {
        var desk = Briefed(Item("INC-1", contextMissing: true));

        var asked = desk.PersonDecides("HO-1", "INC-1", accept: false, "What did the vendor say?", T0.AddMinutes(4))!;
        var later = desk.Advance(T0.AddHours(2));
        var accepted = desk.PersonDecides("HO-1", "INC-1", accept: true, null, T0.AddHours(2))!;

        Assert.Equal([new HandoffItemQueriedByDesk("HO-1", "INC-1", T0.AddMinutes(4), "What did the vendor say?")], asked);
        Assert.Empty(later);
        Assert.Contains(new HandoffItemTakenOver("HO-1", "INC-1", SentAtWall, T0.AddHours(2)), accepted);
        Assert.Contains(accepted, e => e is HandoffIntakeFinished { ItemsAccepted: 1 });
    }

    [Fact]
    public void A_decision_on_an_item_that_does_not_wait_for_a_person_changes_nothing()
    {
        var desk = Briefed(Item("INC-1"));
        desk.PersonDecides("HO-1", "INC-1", accept: true, null, T0.AddMinutes(1));

        Assert.Null(desk.PersonDecides("HO-1", "INC-1", accept: true, null, T0.AddMinutes(2)));
        Assert.Null(desk.PersonDecides("HO-1", "INC-9", accept: true, null, T0.AddMinutes(2)));
        Assert.Null(desk.PersonDecides("HO-2", "INC-1", accept: true, null, T0.AddMinutes(2)));
    }

    [Fact]
    public void A_stop_known_only_at_resume_is_a_dark_period_that_pauses_work_in_progress()
    {
        var desk = new DeskModel("us", 1);
        desk.Assign("INC-1", IncidentType.ModelDrift, Severity.Sev2, 60, T0, T0);
        desk.Advance(T0.AddMinutes(10));

        // Stopped at 00:10, resumed at 00:40: 50 minutes were left, so it is resolved at 01:30.
        desk.AddDarkPeriod(T0.AddMinutes(10), T0.AddMinutes(40));
        var events = desk.Advance(T0.AddHours(3));

        Assert.Contains(new IncidentResolvedByDesk("INC-1", T0.AddMinutes(90)), events);
    }
}
