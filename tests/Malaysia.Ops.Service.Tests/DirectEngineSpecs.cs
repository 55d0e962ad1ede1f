using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The simulator's direct engine against the in-memory bus it stands in for: the same
/// scenario and seed give the same report, byte for byte, comparison included.</summary>
public sealed class DirectEngineSpecs
{
    // A week on the bus takes long on a busy machine; two days cover the handoffs both ways.
    private const double LongestDays = 2;

    public static TheoryData<string> Scenarios() => [.. ScenarioCatalogue.List(ScenarioCatalogue.DefaultFolder).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_direct_engine_gives_the_bus_report_for_every_checked_in_scenario(string name)
    {
        var scenario = SimulatorSpecs.Load(name);
        scenario = SimulatorSpecs.Load(name, SimulatorSettings.Default with { Days = Math.Min(scenario.Days, LongestDays) });

        var overBus = await ReportAsync(scenario, SimulatorBus.MassTransit);
        var direct = await ReportAsync(scenario, SimulatorBus.Direct);

        Assert.True(overBus == direct, $"{name}: the reports differ first at {JsonDivergence.First(overBus, direct)} (bus vs direct)");
    }

    [Fact]
    public void A_divergence_names_the_first_differing_path_and_both_values()
    {
        var divergence = JsonDivergence.First("""{"run":{"summary":{"handoffs":14,"open":1}},"comparison":[{"cost":1},{"cost":2}]}""", """{"run":{"summary":{"handoffs":14,"open":1}},"comparison":[{"cost":1},{"cost":3}]}""");

        Assert.Equal("$.comparison[1].cost: 2 vs 3", divergence);
        Assert.Null(JsonDivergence.First("""{"a":[1,2]}""", """{"a":[1,2]}"""));
    }

    [Fact]
    public void Virtual_time_runs_on_the_direct_engine_unless_spans_are_written_or_the_bus_is_asked_for()
    {
        var scenario = SimulatorSpecs.Load("july-week");

        Assert.Equal(SimulatorBus.Direct, new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null).Bus);
        Assert.Equal(SimulatorBus.MassTransit, new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null, new RunOutputs(TraceFile: "t.jsonl")).Bus);
        Assert.Equal(SimulatorBus.MassTransit, new SimulationRun(scenario, scenario.Desks, speed: 60, TextWriter.Null).Bus);
        Assert.Equal(SimulatorBus.MassTransit, new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null, bus: SimulatorBus.MassTransit).Bus);
    }

    private static async Task<string> ReportAsync(Malaysia.Ops.Domain.Scenarios.Scenario scenario, SimulatorBus bus)
    {
        var (report, _) = await new ScenarioRunner(scenario, speed: null, TextWriter.Null, bus: bus).RunAsync(compare: true, CancellationToken.None);
        return ReportJson.Serialize(report);
    }
}
