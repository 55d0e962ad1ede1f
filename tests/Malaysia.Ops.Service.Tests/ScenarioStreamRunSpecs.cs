using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Scenarios.History;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The sample scenarios with a stream of their own (a replayed export, an M/M/c mix)
/// run on the direct engine and on the bus to the same report, and a replay works every
/// incident of its export once in every topology.</summary>
public sealed class ScenarioStreamRunSpecs
{
    private static string Samples => Path.Combine(Path.GetDirectoryName(ScenarioCatalogue.DefaultFolder)!, "samples");

    public static TheoryData<string> StreamScenarios { get; } = ["replay.yaml", "mmc-queue.yaml"];

    [Theory]
    [MemberData(nameof(StreamScenarios))]
    public async Task The_direct_engine_gives_the_bus_report(string file)
    {
        var scenario = SimulatorSpecs.Load(Path.Combine(Samples, file), SimulatorSettings.Default with { Days = 2 });

        var overBus = ReportJson.Serialize((await new ScenarioRunner(scenario, speed: null, TextWriter.Null, bus: SimulatorBus.MassTransit).RunAsync(compare: true, CancellationToken.None)).Report);
        var direct = ReportJson.Serialize((await new ScenarioRunner(scenario, speed: null, TextWriter.Null, bus: SimulatorBus.Direct).RunAsync(compare: true, CancellationToken.None)).Report);

        Assert.True(overBus == direct, $"{file}: the reports differ first at {JsonDivergence.First(overBus, direct)} (bus vs direct)");
    }

    [Fact]
    public async Task A_replay_runs_every_incident_of_the_export_exactly_once_in_every_topology()
    {
        var export = HistoryImporter.Import(Path.Combine(Samples, "pagerduty-incidents.csv"), HistoryFormat.PagerDuty, HistoryMappingLoader.Load(Path.Combine(Samples, "mapping.yaml")));
        var scenario = SimulatorSpecs.Load(Path.Combine(Samples, "replay.yaml"));

        var (report, ledger) = await new ScenarioRunner(scenario, speed: null, TextWriter.Null).RunAsync(compare: true, CancellationToken.None);

        Assert.Equal(
            export.Incidents.Select(i => (i.RaisedAt, i.Type, i.Severity)),
            ledger.Incidents.OrderBy(i => i.RaisedAt).Select(i => (i.RaisedAt, i.Type, i.Severity)));
        Assert.Equal(ledger.Incidents.Count, ledger.Incidents.Select(i => i.IncidentId).Distinct().Count());
        Assert.All(report.Comparison, topology => Assert.Equal(export.Incidents.Count, topology.Summary.IncidentsRaised));
    }
}
