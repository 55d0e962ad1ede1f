using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;
using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Incidents that need another desk's help, and the desk that gives it.</summary>
public class CrossDeskAssistSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 13, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_catalogue_sends_hardware_to_the_Malaysian_site_and_customer_changes_to_the_US_owner()
    {
        var catalogue = IncidentCatalogue.Default;

        Assert.Equal(new CrossDeskNeed(AssistKind.SiteHands, "my"), catalogue.For(IncidentType.GpuNodeFailure)!.Need);
        Assert.Equal(new CrossDeskNeed(AssistKind.SiteHands, "my"), catalogue.For(IncidentType.DataCentreCoolingAlarm)!.Need);
        Assert.Equal(new CrossDeskNeed(AssistKind.OwnerApproval, "us"), catalogue.For(IncidentType.ModelDrift)!.Need);
        Assert.Null(catalogue.For(IncidentType.DataPipelineLag)!.Need);
    }

    [Fact]
    public void An_incident_that_needs_help_is_triaged_asks_and_waits_while_the_desk_works_on()
    {
        var desk = new DeskModel("us", 1);
        var events = new List<DeskEvent>(desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev2, 30, T0, T0, needsAssist: true));
        events.AddRange(desk.Assign("INC-2", IncidentType.DataPipelineLag, Severity.Sev3, 20, T0, T0));

        events.AddRange(desk.Advance(T0.AddMinutes(25)));
        events.AddRange(desk.AssistArrived("INC-1", T0.AddMinutes(25)));
        events.AddRange(desk.Advance(T0.AddHours(2)));

        Assert.Equal(
            new DeskEvent[]
            {
                new IncidentAcknowledgedByDesk("INC-1", T0),
                new AssistNeeded("INC-1", T0),
                new IncidentAcknowledgedByDesk("INC-2", T0),
                new WorkStarted("INC-2", T0),
                new IncidentResolvedByDesk("INC-2", T0.AddMinutes(20)),
                new WorkStarted("INC-1", T0.AddMinutes(25)),
                new IncidentResolvedByDesk("INC-1", T0.AddMinutes(55)),
            },
            events);
    }

    [Fact]
    public void Help_still_owed_goes_with_the_item_in_the_briefing()
    {
        var desk = new DeskModel("us", 1);
        desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev2, 30, T0, T0, needsAssist: true);

        var briefed = Assert.Single(desk.HandOverAll("HO-1", T0.AddMinutes(5), out _));

        Assert.True(briefed.AssistPending);
    }

    [Fact]
    public void Site_hands_are_given_at_the_response_time_but_not_while_the_site_is_dark()
    {
        var dark = new DeskDarkPeriod(T0.AddMinutes(5), T0.AddMinutes(50));
        var site = new DeskModel("my", 2, [dark]);

        var events = new List<DeskEvent>(site.GiveAssist("INC-1", "us", AssistKind.SiteHands, T0, T0.AddMinutes(10), T0));
        events.AddRange(site.GiveAssist("INC-2", "us", AssistKind.OwnerApproval, T0, T0.AddMinutes(10), T0));
        events.AddRange(site.Advance(T0.AddHours(2)));

        Assert.Equal(
            new DeskEvent[]
            {
                new AssistGiven("INC-2", "us", AssistKind.OwnerApproval, T0, T0.AddMinutes(10)),
                new AssistGiven("INC-1", "us", AssistKind.SiteHands, T0, dark.To),
            },
            events);
    }
}
