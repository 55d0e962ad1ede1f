using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>A desk that goes dark stops where it is and carries on when it is back.</summary>
public class DeskDarkPeriodSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 13, 2, 0, 0, TimeSpan.Zero);
    private static readonly DeskDarkPeriod Outage = new(T0.AddMinutes(10), T0.AddMinutes(70));

    [Fact]
    public void Work_in_progress_stops_at_the_outage_and_finishes_the_rest_after_it()
    {
        var desk = new DeskModel("my", 1, [Outage]);
        var events = new List<DeskEvent>(desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev2, 30, T0, T0));

        events.AddRange(desk.Advance(T0.AddHours(3)));

        // 10 minutes done before the outage, the remaining 20 after it.
        Assert.Equal(
            new DeskEvent[]
            {
                new IncidentAcknowledgedByDesk("INC-1", T0),
                new WorkStarted("INC-1", T0),
                new WorkStarted("INC-1", Outage.To),
                new IncidentResolvedByDesk("INC-1", Outage.To.AddMinutes(20)),
            },
            events);
    }

    [Fact]
    public void An_incident_assigned_while_dark_is_acknowledged_only_when_the_desk_is_back()
    {
        var desk = new DeskModel("my", 2, [Outage]);

        var during = desk.Assign("INC-2", IncidentType.ModelDrift, Severity.Sev1, 15, T0, T0.AddMinutes(20));
        var after = desk.Advance(T0.AddHours(3));

        Assert.Empty(during);
        Assert.Equal(new IncidentAcknowledgedByDesk("INC-2", Outage.To), after[0]);
        Assert.Equal(new IncidentResolvedByDesk("INC-2", Outage.To.AddMinutes(15)), after[^1]);
        Assert.Equal(Outage.To, desk.DarkUntil(T0.AddMinutes(20)));
        Assert.Null(desk.DarkUntil(Outage.To));
    }

    [Fact]
    public void A_briefing_received_while_dark_is_reviewed_after_the_outage()
    {
        var desk = new DeskModel("us", 1, [Outage]);
        var briefed = new BriefedItem("INC-3", IncidentType.DataPipelineLag, Severity.Sev3, WorkStatus.Queued, true, 10, 1, "notes", "triage");

        var events = new List<DeskEvent>(desk.ReceiveBriefing("HO-1", "my", [briefed], T0, T0, TimeSpan.FromMinutes(3), T0.AddMinutes(30)));
        events.AddRange(desk.Advance(T0.AddHours(3)));

        Assert.Contains(new HandoffItemTakenOver("HO-1", "INC-3", T0, Outage.To.AddMinutes(3)), events);
    }

    [Fact]
    public void A_review_under_way_when_the_desk_goes_dark_is_pushed_back_by_the_outage()
    {
        var desk = new DeskModel("us", 1, [Outage]);
        var briefed = new BriefedItem("INC-4", IncidentType.DataPipelineLag, Severity.Sev3, WorkStatus.Queued, true, 10, 1, "notes", "triage");

        // Review due at T0 + 12 min; the outage starts at T0 + 10 and lasts an hour.
        var events = new List<DeskEvent>(desk.ReceiveBriefing("HO-2", "my", [briefed], T0, T0, TimeSpan.FromMinutes(12), T0));
        events.AddRange(desk.Advance(T0.AddHours(3)));

        Assert.Contains(new HandoffItemTakenOver("HO-2", "INC-4", T0, T0.AddMinutes(72)), events);
    }
}
