using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Escalation before an acknowledgement breach: which incidents are at risk, and what a
/// desk does when one of its incidents is passed on or its on-call is paged.</summary>
public class EscalationSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 12, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_incident_is_at_risk_once_the_fraction_of_its_target_has_passed_unless_acknowledged_or_escalated()
    {
        var ledger = new IncidentLedger();
        var watch = new AcknowledgementWatch(0.5, ServiceLevels.Default);
        foreach (var (id, severity) in new[] { ("INC-1", Severity.Sev1), ("INC-2", Severity.Sev2), ("INC-3", Severity.Sev1) })
        {
            ledger.Raise(id, IncidentType.GpuNodeFailure, severity, T0);
            ledger.Assign(id, "us", arrivedInCoverageGap: true);
            watch.Watch(ledger.Find(id)!);
        }

        ledger.Acknowledge("INC-3", T0.AddMinutes(2));

        Assert.Equal(T0.AddMinutes(7.5), watch.NextCheck(ledger));
        Assert.Empty(watch.AtRisk(T0.AddMinutes(7), ledger));
        Assert.Equal(["INC-1"], watch.AtRisk(T0.AddMinutes(7.5), ledger).Select(i => i.IncidentId));
        Assert.Equal(T0.AddMinutes(15), watch.NextCheck(ledger));
        ledger.EscalateBeforeBreach("INC-2", "my", paged: false);
        Assert.Null(watch.NextCheck(ledger));
    }

    [Fact]
    public void A_paged_incident_is_acknowledged_and_worked_by_the_on_call_outside_the_shift()
    {
        // The desk's one engineer is busy and its shift only starts in an hour.
        var desk = new DeskModel("us", 1);
        desk.Assign("INC-1", IncidentType.ModelDrift, Severity.Sev1, 30, T0.AddHours(1), T0);

        var events = new List<DeskEvent>(desk.Page("INC-1", T0.AddMinutes(14), T0.AddMinutes(4)));
        events.AddRange(desk.Advance(T0.AddHours(3)));

        Assert.Equal(
            new DeskEvent[]
            {
                new IncidentAcknowledgedByDesk("INC-1", T0.AddMinutes(14)),
                new WorkStarted("INC-1", T0.AddMinutes(14)),
                new IncidentResolvedByDesk("INC-1", T0.AddMinutes(44)),
            },
            events);
        Assert.Empty(desk.HandOverAll("HO-1", T0.AddMinutes(20), out _));
    }

    [Fact]
    public void The_shift_takes_a_paged_incident_if_it_starts_before_the_on_call_answers()
    {
        var desk = new DeskModel("us", 1);
        desk.Assign("INC-1", IncidentType.ModelDrift, Severity.Sev2, 30, T0.AddMinutes(5), T0);

        var events = new List<DeskEvent>(desk.Page("INC-1", T0.AddMinutes(12), T0.AddMinutes(2)));
        events.AddRange(desk.Advance(T0.AddHours(3)));

        Assert.Equal(new IncidentAcknowledgedByDesk("INC-1", T0.AddMinutes(5)), events[0]);
    }

    [Fact]
    public void An_incident_nobody_has_picked_up_is_released_with_its_work_and_one_under_way_stays()
    {
        var desk = new DeskModel("my", 1, [new DeskDarkPeriod(T0, T0.AddHours(4))]);
        desk.Assign("INC-1", IncidentType.DataPipelineLag, Severity.Sev2, 45, T0, T0);

        var released = desk.Release("INC-1", T0.AddMinutes(10), out _);

        Assert.Equal((IncidentType.DataPipelineLag, Severity.Sev2, 45.0), released);
        Assert.False(desk.Holds("INC-1"));

        var busy = new DeskModel("my", 1);
        busy.Assign("INC-2", IncidentType.DataPipelineLag, Severity.Sev2, 45, T0, T0);
        Assert.Null(busy.Release("INC-2", T0.AddMinutes(10), out _));
        Assert.True(busy.Holds("INC-2"));
    }
}
