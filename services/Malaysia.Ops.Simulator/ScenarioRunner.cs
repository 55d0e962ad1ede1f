using System.Globalization;
using Malaysia.Ops.Domain.Forecast;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Workload;

namespace Malaysia.Ops.Simulator;

/// <summary>
/// Runs a scenario with its own desks and then, on the same incident stream (same seed, rate
/// and script), with each topology it is compared with, and puts the results in one report.
/// </summary>
public sealed class ScenarioRunner(Scenario scenario, double? speed, TextWriter output, RunOutputs? outputs = null, LoadOptions? load = null, SimulatorBus? bus = null)
{
    private static readonly string[] Severities = Enum.GetNames<Malaysia.Ops.Contracts.Severity>();

    public async Task<(RunReport Report, LedgerSnapshot Ledger)> RunAsync(bool compare, CancellationToken cancellationToken)
    {
        // A synthetic load is for the main run only; the comparisons replay the scenario's stream.
        var run = new SimulationRun(scenario, scenario.Desks, speed, output, outputs, load, bus);
        var ledger = await run.RunAsync(cancellationToken);
        var main = Topology(scenario.Name, scenario.Description, scenario.Desks, ledger);

        var comparison = new List<TopologyReport>();
        if (compare)
        {
            foreach (var topology in scenario.Compare)
            {
                await output.WriteLineAsync($"Comparing topology {topology.Name}...");
                var compared = await new SimulationRun(scenario, topology.Desks, speed, TextWriter.Null, bus: bus).RunAsync(cancellationToken);
                comparison.Add(Topology(topology.Name, topology.Description, topology.Desks, compared));
            }
        }

        return (Report(scenario, main, comparison, run.Pace), ledger);
    }

    /// <summary>The report of a run still going (the operations console): its own desks, up to
    /// <paramref name="until"/>.</summary>
    public static RunReport Report(Scenario scenario, LedgerSnapshot ledger, string pace, DateTimeOffset until) =>
        Report(scenario, TopologyReportBuilder.Build(scenario.Name, scenario.Description, scenario.Desks, ledger, scenario.Start, until), [], pace);

    internal static RunReport Report(Scenario scenario, TopologyReport main, IReadOnlyList<TopologyReport> comparison, string pace) => new(
        RunReport.CurrentSchemaVersion,
        new ReportScenario(scenario.Name, scenario.Description, scenario.Start, scenario.End, scenario.Days, scenario.Seed, scenario.Arrivals.IncidentsPerHour, pace),
        main,
        comparison,
        Forecast: CoverageForecast.For(scenario.Desks, scenario.Calendars ?? [], DateOnly.FromDateTime(scenario.Start.UtcDateTime)));

    private TopologyReport Topology(string name, string description, IReadOnlyList<DeskPlan> desks, LedgerSnapshot ledger) =>
        TopologyReportBuilder.Build(name, description, desks, ledger, scenario.Start, scenario.End);

    /// <summary>The comparison as a terminal table.</summary>
    public static string FormatComparison(RunReport report)
    {
        if (report.Comparison.Count == 0)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        text.AppendLine();
        text.AppendLine("  Topology comparison (same incident stream)");
        text.AppendLine("  topology            cost/day  SLA resolved in time (Sev1/2/3/4)  handoffs  item p50/p95 min  gap h  in gap");
        foreach (var topology in report.Comparison.Prepend(report.Run))
        {
            var sla = string.Join("/", Severities.Select(sev =>
                topology.Summary.SlaBySeverity.TryGetValue(sev, out var figures) ? figures.ResolvedInTime.ToString("0%", CultureInfo.InvariantCulture) : "-"));
            var latency = topology.Summary.ItemLatencySimulatedMinutes;
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {topology.Name,-18} {topology.CostPerDay,9:0}  {sla,-33}  {topology.Summary.Handoffs,8}  {Cell(latency.P50),7}/{Cell(latency.P95),-8}  {topology.Coverage.GapHours,5:0.#}  {topology.Coverage.IncidentsArrivedInGap,6}"));
        }

        return text.ToString();
    }

    private static string Cell(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
