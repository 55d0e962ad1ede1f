using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Workload;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The simulator: whole short runs in one process (its command line is in
/// <see cref="SimulatorCommandLineSpecs"/>).</summary>
public sealed class SimulatorSpecs
{
    internal static Scenario Load(string name, SimulatorSettings? overrides = null) => ScenarioOverrides.Apply(
        ScenarioLoader.Load(ScenarioCatalogue.Resolve(name, ScenarioCatalogue.DefaultFolder)),
        overrides ?? SimulatorSettings.Default);

    [Fact]
    public void Options_override_the_scenario()
    {
        var settings = SimulatorSettings.Default with { Scenario = "january-week", Days = 2, Seed = 7, RateMultiplier = 2.5, Start = new DateTimeOffset(2026, 1, 19, 0, 0, 0, TimeSpan.Zero), Engineers = 5 };
        var scenario = Load(settings.Scenario, settings);

        Assert.Equal(2, scenario.Days);
        Assert.Equal(7, scenario.Seed);
        Assert.Equal(10, scenario.Arrivals.IncidentsPerHour);
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 0, 0, 0, TimeSpan.Zero), scenario.Start);
        Assert.All(scenario.Desks.Concat(scenario.Compare.SelectMany(t => t.Desks)), d => Assert.Equal(5, d.Engineers));
        Assert.All(scenario.Compare.SelectMany(t => t.Desks), d => Assert.True(d.Shifts.Select((_, i) => d.EngineersOn(i)).All(n => n == 5)));
    }

    [Fact]
    public void Moving_the_start_moves_the_scripted_events_with_it()
    {
        var scenario = Load("sev1-outage-at-handoff", SimulatorSettings.Default with { Start = new DateTimeOffset(2026, 7, 21, 0, 0, 0, TimeSpan.Zero) });

        Assert.Equal(new DateTimeOffset(2026, 7, 21, 23, 30, 0, TimeSpan.Zero), scenario.Incidents[0].At);
    }

    [Fact]
    public async Task A_day_and_a_half_and_more_accounts_for_every_incident_once_with_handoffs_alternating()
    {
        var scenario = Load("july-week", SimulatorSettings.Default with { Days = 1.6 });
        using var output = new StringWriter();

        var snapshot = await new SimulationRun(scenario, scenario.Desks, speed: null, output).RunAsync(CancellationToken.None);

        Assert.True(snapshot.Summary.IncidentsRaised > 100, $"only {snapshot.Summary.IncidentsRaised} incidents in 38 hours");
        Assert.Equal(snapshot.Incidents.Count, snapshot.Incidents.Select(i => i.IncidentId).Distinct().Count());
        Assert.Equal(snapshot.Summary.IncidentsRaised, snapshot.Summary.IncidentsResolved + snapshot.Summary.IncidentsOpen);
        Assert.Equal(0, snapshot.Summary.UnknownIncidentEvents);

        // 12:00 MY->US, 00:00 US->MY, 12:00 MY->US.
        var directions = snapshot.Handoffs.OrderBy(h => h.ShiftEndsAt).Select(h => h.Direction).ToList();
        Assert.Equal(["my->us", "us->my", "my->us"], directions);
        Assert.All(snapshot.Handoffs, h => Assert.Equal(HandoffStatus.Completed, h.Status));
        Assert.Contains("day 2 06:00Z", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shift_that_ends_as_the_run_ends_opens_no_handoff()
    {
        // The run is [00:00Z, 00:00Z the next day): the US shift ending at 00:00Z is not in it.
        var scenario = Load("july-week", SimulatorSettings.Default with { Days = 1 });

        var snapshot = await new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null).RunAsync(CancellationToken.None);

        Assert.Equal(["my->us"], snapshot.Handoffs.Select(h => h.Direction));
        Assert.Equal(snapshot.Summary.Handoffs, snapshot.Summary.HandoffsCompleted);
        Assert.All(snapshot.Handoffs, h => Assert.True(h.ShiftEndsAt < scenario.End));
    }

    [Fact]
    public async Task Every_shift_change_an_incident_is_handed_over_at_counts_whether_or_not_the_desk_changes()
    {
        // One desk around the clock: every handoff is between two of its own shifts.
        var scenario = Load("july-week", SimulatorSettings.Default with { Days = 3 });
        var desks = scenario.Compare.Single(t => t.Name == "my-only-24x7").Desks;

        var snapshot = await new SimulationRun(scenario, desks, speed: null, TextWriter.Null).RunAsync(CancellationToken.None);

        var takenOver = snapshot.Handoffs.SelectMany(h => h.Items).Where(i => i.AcceptedAt is not null)
            .GroupBy(i => i.IncidentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Contains(takenOver.Values, count => count > 1);
        Assert.All(snapshot.Incidents, i => Assert.Equal(takenOver.GetValueOrDefault(i.IncidentId), i.TimesHandedOver));
        Assert.Equal(takenOver.Values.Count(count => count > 1), snapshot.Summary.IncidentsHandedOverMoreThanOnce);
    }

    [Fact]
    public async Task The_same_scenario_and_seed_in_virtual_time_give_the_same_report_byte_for_byte()
    {
        var scenario = Load("july-week", SimulatorSettings.Default with { Days = 2, Seed = 11 });

        var first = await new ScenarioRunner(scenario, null, TextWriter.Null).RunAsync(compare: true, CancellationToken.None);
        var second = await new ScenarioRunner(scenario, null, TextWriter.Null).RunAsync(compare: true, CancellationToken.None);

        var json = Malaysia.Ops.Simulator.Reporting.ReportJson.Serialize(first.Report);
        Assert.True(json.Length > 10_000, $"the report of a two-day run is only {json.Length} characters");
        Assert.Equal(json, Malaysia.Ops.Simulator.Reporting.ReportJson.Serialize(second.Report));
        Assert.Equal(3, first.Report.Comparison.Count);
    }

    [Fact]
    public async Task A_run_on_the_accelerated_wall_clock_accounts_for_every_incident_and_hands_over_at_noon()
    {
        var scenario = Load("july-week", SimulatorSettings.Default with { Days = 0.6 });
        using var output = new StringWriter();

        var snapshot = await new SimulationRun(scenario, scenario.Desks, speed: 17_280, output).RunAsync(CancellationToken.None);

        Assert.True(snapshot.Summary.IncidentsRaised > 30, $"only {snapshot.Summary.IncidentsRaised} incidents in 14 hours");
        Assert.Equal(snapshot.Summary.IncidentsRaised, snapshot.Summary.IncidentsResolved + snapshot.Summary.IncidentsOpen);
        Assert.Equal("my->us", Assert.Single(snapshot.Handoffs).Direction);
        Assert.Contains("at 17280x", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_with_a_synthetic_load_books_every_incident_of_the_load_once_beside_the_scenario_s_own()
    {
        var scenario = Load("july-week", SimulatorSettings.Default with { Days = 0.05 });
        var load = new LoadOptions { Rate = 100, Seconds = 1 };

        var snapshot = await new SimulationRun(scenario, scenario.Desks, speed: 1440, TextWriter.Null, load: load).RunAsync(CancellationToken.None);

        var synthetic = snapshot.Incidents.Where(i => i.IncidentId.StartsWith(IncidentIds.LoadPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(100, synthetic.Count);
        Assert.Equal(snapshot.Incidents.Count, snapshot.Incidents.Select(i => i.IncidentId).Distinct().Count());
        Assert.Equal(snapshot.Summary.IncidentsRaised, snapshot.Summary.IncidentsResolved + snapshot.Summary.IncidentsOpen);
    }
}
