using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.CommandLine;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Replicated runs of the simulator: estimates with intervals, paired differences,
/// and output that does not depend on how many replications ran at once.</summary>
public sealed class ReplicationSpecs
{
    // Past the noon handoff, with one compared topology, so every kind of figure is measured.
    private static Scenario Short()
    {
        var scenario = SimulatorSpecs.Load("july-week", SimulatorSettings.Default with { Days = 0.6, Seed = 5 });
        return scenario with { Compare = scenario.Compare.Where(t => t.Name == "us-only-24x7").ToList() };
    }

    [Fact]
    public async Task Three_replications_give_intervals_and_paired_differences_whatever_the_parallelism()
    {
        var scenario = Short();
        var progress = new StringWriter();

        var oneAtATime = await new ReplicationRunner(scenario, 3, progress, degreeOfParallelism: 1).RunAsync(compare: true, CancellationToken.None);
        var twoAtATime = await new ReplicationRunner(scenario, 3, TextWriter.Null, degreeOfParallelism: 2).RunAsync(compare: true, CancellationToken.None);

        Assert.Equal(ReportJson.Serialize(oneAtATime), ReportJson.Serialize(twoAtATime));
        Assert.Equal(ReportHtml.Render(oneAtATime), ReportHtml.Render(twoAtATime));
        Assert.Equal(ReplicationPrinter.Format(oneAtATime) + ReplicationPrinter.FormatComparison(oneAtATime), ReplicationPrinter.Format(twoAtATime) + ReplicationPrinter.FormatComparison(twoAtATime));
        Assert.Contains("Replications done: 3 of 3", progress.ToString(), StringComparison.Ordinal);

        var replications = oneAtATime.Replications!;
        Assert.Equal(RunReport.ReplicatedSchemaVersion, oneAtATime.SchemaVersion);
        Assert.Equal([5, 7924, 15843], replications.Seeds);
        var raised = replications.Run[HeadlineFigures.IncidentsRaised];
        Assert.Equal(3, raised.Count);
        Assert.True(raised.StandardDeviation > 0, "three seeds raised the same number of incidents");
        Assert.True(raised.Low < raised.Mean && raised.Mean < raised.High);
        Assert.Contains(replications.Run.Keys, k => k.StartsWith(HeadlineFigures.ResolvedInTime + ".", StringComparison.Ordinal));
        Assert.Contains(HeadlineFigures.Of(HeadlineFigures.ItemLatencyP95, "my->us"), replications.Run.Keys);

        var compared = Assert.Single(replications.Comparison);
        var cost = compared.DifferenceFromRun[HeadlineFigures.CostPerDay];
        Assert.Equal(oneAtATime.Comparison[0].CostPerDay - oneAtATime.Run.CostPerDay, cost.Difference.Mean, 1e-6);
        Assert.True(cost.Significant);

        var json = ReportJson.Serialize(oneAtATime);
        Assert.Contains("\"schemaVersion\": 2", json, StringComparison.Ordinal);
        Assert.Contains("\"differenceFromRun\"", json, StringComparison.Ordinal);
        var html = ReportHtml.Render(oneAtATime);
        Assert.Contains("id=\"replications\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sla-interval-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"difference-chart-0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_run_s_report_has_no_replications_and_keeps_schema_version_one()
    {
        var (report, _) = await new ScenarioRunner(Short(), null, TextWriter.Null).RunAsync(compare: true, CancellationToken.None);

        var json = ReportJson.Serialize(report);
        Assert.Null(report.Replications);
        Assert.Contains("\"schemaVersion\": 1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("replications", json, StringComparison.Ordinal);
        Assert.DoesNotContain("standardDeviation", json, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"replications\"", ReportHtml.Render(report), StringComparison.Ordinal);
        Assert.Empty(ReplicationPrinter.Format(report));
        Assert.Empty(ReplicationPrinter.FormatComparison(report));
    }

    [Fact]
    public async Task A_warm_up_leaves_the_incidents_raised_in_it_out_of_every_figure()
    {
        var scenario = Short();
        var measuredFrom = scenario.Start.AddHours(6);
        var (_, ledger) = await new ScenarioRunner(scenario, null, TextWriter.Null).RunAsync(compare: false, CancellationToken.None);
        var measured = ledger.Incidents.Where(i => i.RaisedAt >= measuredFrom).ToList();
        Assert.True(measured.Count < ledger.Incidents.Count, "no incident was raised in the first six hours");

        var report = await new ReplicationRunner(scenario, 1, TextWriter.Null, warmUp: TimeSpan.FromHours(6)).RunAsync(compare: false, CancellationToken.None);

        Assert.Equal(measured.Count, report.Run.Summary.IncidentsRaised);
        Assert.Equal(measured.Count, report.Replications!.Run[HeadlineFigures.IncidentsRaised].Mean);
        Assert.Equal(measured.Count(i => i.Severity == Malaysia.Ops.Contracts.Severity.Sev3), report.Run.Summary.SlaBySeverity["Sev3"].Incidents);
        Assert.Equal(6, report.Replications.WarmUpHours);
        Assert.All(report.Run.Handoffs, h => Assert.True(h.ShiftEndsAt >= measuredFrom));
    }

    [Fact]
    public async Task A_warm_up_as_long_as_the_run_is_refused_with_a_reason()
    {
        var error = await Assert.ThrowsAsync<Malaysia.Ops.Scenarios.ScenarioException>(
            () => new ReplicationRunner(Short(), 2, TextWriter.Null, warmUp: TimeSpan.FromDays(1)).RunAsync(compare: false, CancellationToken.None));

        Assert.Contains("--warm-up: 24 h leaves nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replications_and_a_warm_up_are_read_from_the_command_line()
    {
        SimulatorSettings? ran = null;
        var commandLine = new SimulatorCommandLine((settings, _) =>
        {
            ran = settings;
            return Task.FromResult(0);
        });

        var exitCode = await commandLine.InvokeAsync(["--replications", "20", "--warm-up", "12"], TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(SimulatorSettings.Default with { Replications = 20, WarmUpHours = 12 }, ran);
        Assert.True(ran!.Replicated);
        Assert.False(SimulatorSettings.Default.Replicated);
        Assert.True((SimulatorSettings.Default with { WarmUpHours = 1 }).Replicated);
    }

    [Fact]
    public async Task The_scenario_s_warm_up_applies_unless_the_command_line_overrides_it()
    {
        var scenario = Short() with { WarmUpHours = 3 };

        var own = ScenarioOverrides.Apply(scenario, SimulatorSettings.Default);
        var none = await SettingsFromAsync("--warm-up", "0");
        var other = ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { WarmUpHours = 6 });

        Assert.Equal(3, own.WarmUpHours);
        Assert.True(SimulatorSettings.Default.Replicates(own));
        Assert.Equal(0, ScenarioOverrides.Apply(scenario, none).WarmUpHours);
        Assert.False(none.Replicates(ScenarioOverrides.Apply(scenario, none)));
        Assert.Equal(6, other.WarmUpHours);
        Assert.False(SimulatorSettings.Default.Replicates(Short()));
    }

    [Fact]
    public void A_scenario_s_warm_up_that_the_overrides_leave_no_room_for_is_refused_naming_where_it_came_from()
    {
        var scenario = Short() with { WarmUpHours = 12 };

        Assert.Equal(
            ["july-week's warmUpHours: 12 h leaves nothing of the 0.5 day(s) of july-week to measure"],
            Assert.Throws<Malaysia.Ops.Scenarios.ScenarioException>(() => ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { Days = 0.5 })).Problems);
        Assert.Equal(
            ["--warm-up: 24 h leaves nothing of the 0.6 day(s) of july-week to measure"],
            Assert.Throws<Malaysia.Ops.Scenarios.ScenarioException>(() => ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { WarmUpHours = 24 })).Problems);
        Assert.Equal(
            ["july-week's warmUpHours: a warm-up is left out by a replicated run, in virtual time; drop --speed or give --warm-up 0"],
            Assert.Throws<Malaysia.Ops.Scenarios.ScenarioException>(() => ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { Speed = 60 })).Problems);
        Assert.Equal(0, ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { Speed = 60, WarmUpHours = 0 }).WarmUpHours);
    }

    private static async Task<SimulatorSettings> SettingsFromAsync(params string[] args)
    {
        SimulatorSettings? ran = null;
        var commandLine = new SimulatorCommandLine((settings, _) =>
        {
            ran = settings;
            return Task.FromResult(0);
        });

        Assert.Equal(0, await commandLine.InvokeAsync(args, TextWriter.Null, TextWriter.Null, CancellationToken.None));
        return ran!;
    }

    [Fact]
    public void Replications_out_of_range_or_on_the_wall_clock_are_refused_naming_the_option()
    {
        Assert.Empty(SimulatorSettings.Default.Problems());
        Assert.StartsWith("--replications:", Assert.Single((SimulatorSettings.Default with { Replications = 0 }).Problems()), StringComparison.Ordinal);
        Assert.StartsWith("--warm-up:", Assert.Single((SimulatorSettings.Default with { WarmUpHours = -1 }).Problems()), StringComparison.Ordinal);
        Assert.Equal("--replications: replications run in virtual time; drop --speed", Assert.Single((SimulatorSettings.Default with { Replications = 2, Speed = 60 }).Problems()));
    }
}
