using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Simulator;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The checked-in scenarios, run whole in virtual time: each shows what it is for.</summary>
public sealed class ScenarioSpecs
{
    private static async Task<LedgerSnapshot> RunAsync(string name, SimulatorSettings? overrides = null)
    {
        var scenario = SimulatorSpecs.Load(name, overrides);
        return await new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_Sev1_raised_half_an_hour_before_the_US_shift_ends_is_briefed_to_the_Malaysian_desk_and_resolved_there()
    {
        var ledger = await RunAsync("sev1-outage-at-handoff");

        var sev1 = Assert.Single(ledger.Incidents, i => i.RaisedAt == new DateTimeOffset(2026, 7, 14, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(Severity.Sev1, sev1.Severity);
        Assert.Equal("us", sev1.AssignedDeskId);
        Assert.Equal("my", sev1.ResolvedByDeskId);
        var handoff = Assert.Single(ledger.Handoffs, h => h.ShiftEndsAt == new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("us->my", handoff.Direction);
        Assert.Contains(handoff.Items, item => item.IncidentId == sev1.IncidentId);
        // 240 minutes of work cannot be done in 4 hours once 30 of them went to the handoff.
        Assert.True(sev1.ResolvedAt - sev1.RaisedAt > TimeSpan.FromHours(4), $"resolved after {sev1.ResolvedAt - sev1.RaisedAt}");
        Assert.Equal(1, ledger.Summary.SlaBySeverity["Sev1"].ResolutionBreaches);
    }

    [Fact]
    public async Task While_the_Malaysian_desk_is_dark_its_on_call_is_paged_for_what_cannot_wait_and_the_rest_waits_for_it()
    {
        var ledger = await RunAsync("desk-goes-dark");
        var escalation = SimulatorSpecs.Load("desk-goes-dark").Escalation!;
        var from = new DateTimeOffset(2026, 7, 13, 3, 0, 0, TimeSpan.Zero);
        var back = new DateTimeOffset(2026, 7, 13, 7, 0, 0, TimeSpan.Zero);

        var waiting = ledger.Incidents.Where(i => i.RaisedAt >= from && i.RaisedAt < back).ToList();
        Assert.True(waiting.Count >= 5, $"only {waiting.Count} incidents in the four dark hours");
        foreach (var incident in waiting)
        {
            // Paged at a quarter of the acknowledgement target (nobody else is on duty at night in
            // New York); the on-call answers 10 minutes later, unless the desk is back first.
            // What can wait past 07:00 waits.
            var paging = incident.RaisedAt + (Domain.Incidents.ServiceLevels.Default.For(incident.Severity).AcknowledgeWithin * escalation.AtFractionOfTarget);
            var answered = paging.AddMinutes(escalation.PagerResponseMinutes);
            var expected = paging < back && answered < back ? answered : back;
            Assert.Equal((expected, paging < back), (incident.AcknowledgedAt!.Value, incident.Paged));
        }

        Assert.Contains(waiting, i => i.Paged);
        Assert.Equal(ledger.Incidents.Count(i => i.Paged), ledger.Summary.IncidentsPaged);
        Assert.Equal(0, ledger.Summary.IncidentsEscalatedToAnotherDesk);
    }

    [Fact]
    public async Task In_the_January_gap_a_Sev1_or_Sev2_pages_the_US_on_call_before_its_target()
    {
        var ledger = await RunAsync("january-week");

        var urgentInGap = ledger.Incidents.Where(i => i.ArrivedInCoverageGap && i.Severity is Severity.Sev1 or Severity.Sev2).ToList();
        Assert.True(urgentInGap.Count >= 3, $"only {urgentInGap.Count} Sev1/Sev2 incidents in the week's gaps");
        Assert.All(urgentInGap, i => Assert.True(i.Paged, $"{i.IncidentId} was not paged"));
        Assert.All(urgentInGap, i => Assert.False(
            Domain.Incidents.ServiceLevels.Default.AcknowledgementBreached(i.Severity, i.RaisedAt, i.AcknowledgedAt!.Value),
            $"{i.IncidentId} acknowledged {i.AcknowledgedAt - i.RaisedAt} after it was raised"));
    }

    [Fact]
    public async Task Three_desks_tile_the_July_day_and_hand_over_round_the_world()
    {
        var ledger = await RunAsync("three-desks", SimulatorSettings.Default with { Days = 2 });

        Assert.Equal(0, ledger.Summary.IncidentsArrivedInCoverageGap);
        Assert.Equal(["in->us", "my->in", "us->my"], ledger.Summary.HandoffsByDirection.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, ledger.Summary.Handoffs);
        Assert.Contains(ledger.Incidents, i => i.ResolvedByDeskId == "in");
    }

    [Fact]
    public async Task A_load_spike_raises_ten_times_as_many_incidents_while_it_lasts()
    {
        var ledger = await RunAsync("load-spike");
        var spike = new DateTimeOffset(2026, 7, 13, 14, 0, 0, TimeSpan.Zero);

        var during = ledger.Incidents.Count(i => i.RaisedAt >= spike && i.RaisedAt < spike.AddHours(2));
        var dayBefore = ledger.Incidents.Count(i => i.RaisedAt >= spike.AddDays(1) && i.RaisedAt < spike.AddDays(1).AddHours(2));
        Assert.True(during >= 5 * Math.Max(1, dayBefore), $"{during} incidents in the spike, {dayBefore} at the same hours the next day");
    }

    [Fact]
    public async Task The_January_week_has_a_daily_gap_whose_arrivals_wait_for_the_US_desk()
    {
        var ledger = await RunAsync("january-week", SimulatorSettings.Default with { Days = 2 });

        var inGap = ledger.Incidents.Where(i => i.ArrivedInCoverageGap).ToList();
        Assert.NotEmpty(inGap);
        Assert.All(inGap, i => Assert.Equal(12, i.RaisedAt.Hour));
        Assert.All(inGap, i => Assert.Equal("us", i.AssignedDeskId));
    }

    [Fact]
    public async Task The_topology_comparison_runs_every_topology_on_the_same_incidents_and_prices_them()
    {
        var scenario = SimulatorSpecs.Load("july-week", SimulatorSettings.Default with { Days = 2 });

        var (report, _) = await new ScenarioRunner(scenario, null, TextWriter.Null).RunAsync(compare: true, CancellationToken.None);

        var byName = report.Comparison.ToDictionary(t => t.Name);
        Assert.Equal(["follow-the-sun", "my-only-24x7", "us-only-24x7"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Comparison, t => Assert.Equal(report.Run.Summary.IncidentsRaised, t.Summary.IncidentsRaised));
        Assert.Equal(["us->us"], byName["us-only-24x7"].Summary.HandoffsByDirection.Keys);
        Assert.True(byName["my-only-24x7"].CostPerDay < byName["follow-the-sun"].CostPerDay);
        Assert.True(byName["follow-the-sun"].CostPerDay < byName["us-only-24x7"].CostPerDay);
        Assert.Equal(report.Run.CostPerDay, byName["follow-the-sun"].CostPerDay);

        // Alone, a desk must get site hands or owner approvals from outside the operation; with
        // both desks they come from the other desk, even mid-shift.
        Assert.True(byName["us-only-24x7"].Summary.ExternalAssists > 0);
        Assert.True(byName["my-only-24x7"].Summary.ExternalAssists > 0);
        Assert.Equal(0, byName["follow-the-sun"].Summary.ExternalAssists);
        Assert.True(byName["follow-the-sun"].Summary.CrossDeskAssists > 0);
        Assert.Contains("us-only-24x7", ScenarioRunner.FormatComparison(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_workloads_run_and_a_failed_one_raises_an_incident_that_is_routed_and_resolved()
    {
        var ledger = await RunAsync("july-week", SimulatorSettings.Default with { Days = 3 });

        Assert.True(ledger.Summary.WorkloadsSubmitted >= 10, $"only {ledger.Summary.WorkloadsSubmitted} workloads in three days");
        Assert.True(ledger.Summary.WorkloadsCompleted > 0);
        var fromWorkloads = ledger.Incidents.Where(i => i.IncidentId.StartsWith("INC-WL-", StringComparison.Ordinal)).ToList();
        Assert.Equal(ledger.Summary.WorkloadsFailed, fromWorkloads.Count);
        Assert.NotEmpty(fromWorkloads);
        Assert.All(fromWorkloads, i => Assert.NotNull(i.AssignedDeskId));
        Assert.True(ledger.Summary.CapacityRequests > 0, "no workload on 64 GPUs or more asked for capacity");
        Assert.True(ledger.Summary.CapacityRequests < ledger.Summary.WorkloadsSubmitted);
    }
}
