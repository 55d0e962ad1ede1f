using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Workload;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The simulator: its command line, and whole short runs in one process.</summary>
public sealed class SimulatorSpecs
{
    internal static Scenario Load(string name, SimulatorSettings? overrides = null) => ScenarioOverrides.Apply(
        ScenarioLoader.Load(ScenarioCatalogue.Resolve(name, ScenarioCatalogue.DefaultFolder)),
        overrides ?? SimulatorSettings.Default);

    [Fact]
    public void No_options_run_the_July_week_with_its_report_and_comparison_in_virtual_time()
    {
        var settings = SimulatorSettings.Parse([]);

        Assert.Equal(SimulatorSettings.Default, settings);
        Assert.Equal("july-week", settings.Scenario);
        Assert.True(settings is { VirtualTime: true, WriteReport: true, Compare: true });
    }

    [Fact]
    public void Options_override_the_scenario()
    {
        var settings = SimulatorSettings.Parse(["--scenario", "january-week", "--days", "2", "--speed", "86400", "--seed", "7", "--rate-multiplier", "2.5", "--start", "2026-01-19T00:00:00Z", "--engineers", "5", "--no-compare"]);
        var scenario = ScenarioOverrides.Apply(Load(settings.Scenario), settings);

        Assert.Equal(86400, settings.Speed);
        Assert.False(settings.Compare);
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

    [Theory]
    [InlineData("--days", "0", "--days: 0 is out of range")]
    [InlineData("--speed", "-1", "--speed: -1 is out of range")]
    [InlineData("--rate-multiplier", "lots", "--rate-multiplier: 'lots' is not a number")]
    [InlineData("--seed", "1.5", "--seed: '1.5' is not a whole number")]
    [InlineData("--start", "yesterday", "--start: 'yesterday' is not an instant")]
    [InlineData("--colour", "red", "--colour: unknown option")]
    public void A_bad_option_is_named(string option, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorSettings.Parse([option, value]));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_without_its_value_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorSettings.Parse(["--days"]));

        Assert.Equal("--days: needs a value", error.Message);
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
    public void A_load_on_the_command_line_becomes_the_workload_s_load_settings()
    {
        var settings = SimulatorSettings.Parse(["--speed", "60", "--load-rate", "200", "--load-shape", "ramp", "--load-peak", "400", "--load-seconds", "30"]);

        Assert.NotNull(settings.Load);
        Assert.Equal(new LoadProfile(LoadShape.Ramp, 200, 400, TimeSpan.FromSeconds(30)), settings.Load.ToProfile());
        Assert.Equal(60, SimulatorSettings.Parse(["--speed", "60", "--load-rate", "5"]).Load!.Seconds);
        Assert.Null(SimulatorSettings.Parse(["--speed", "60"]).Load);
    }

    [Theory]
    [InlineData(new[] { "--load-rate", "200" }, "--load-rate: a load in wall time needs a run on the wall clock; add --speed")]
    [InlineData(new[] { "--speed", "60", "--load-shape", "wave" }, "--load-shape: 'wave' is not a load shape (constant, ramp or spike)")]
    [InlineData(new[] { "--speed", "60", "--load-rate", "-3" }, "--load-rate: -3 is out of range")]
    [InlineData(new[] { "--speed", "60", "--load-rate", "10", "--load-shape", "spike", "--load-peak", "50", "--load-spike-at", "90" }, "--load-*: Workload:Load:SpikeAtSeconds/SpikeSeconds: a spike at 90 s for 0 s does not fall within the run of 60 s")]
    public void A_bad_load_is_named(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorSettings.Parse(args));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
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
