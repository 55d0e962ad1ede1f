using System.Globalization;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios;

namespace Malaysia.Ops.Simulator;

/// <summary>
/// Runs <paramref name="count"/> independent replications of a scenario in virtual time, up to
/// <paramref name="degreeOfParallelism"/> at once (every core unless told). Replication i runs
/// on seed <see cref="ReplicationSeeds"/>[i], the scenario's own desks first and then each
/// compared topology on that same seed: common random numbers, so the differences between
/// topologies are paired. Each replication's result is kept by its index, so the report does
/// not depend on how many run at once or which finishes first. The first
/// <paramref name="warmUp"/> of each run is left out of every figure (<see cref="WarmUp"/>).
/// </summary>
public sealed class ReplicationRunner(Scenario scenario, int count, TextWriter output, RunOutputs? outputs = null, int? degreeOfParallelism = null, TimeSpan warmUp = default, SimulatorBus? bus = null)
{
    private readonly Lock progress = new();

    public async Task<RunReport> RunAsync(bool compare, CancellationToken cancellationToken)
    {
        if (warmUp >= scenario.End - scenario.Start)
        {
            throw new ScenarioException(string.Create(CultureInfo.InvariantCulture, $"--warm-up: {warmUp.TotalHours:0.##} h leaves nothing of the {scenario.Days:0.##} day(s) of {scenario.Name} to measure"));
        }

        var seeds = ReplicationSeeds.Of(scenario.Seed, count);
        var topologies = compare ? scenario.Compare : [];
        var results = new (TopologyReport Report, IReadOnlyDictionary<string, double> Figures)[count][];
        var parallelism = degreeOfParallelism ?? Environment.ProcessorCount;
        var done = 0;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Simulating {count} replication(s) of {scenario.Name} in virtual time, {parallelism} at a time: seeds {scenario.Seed} + {ReplicationSeeds.Stride}*i, {scenario.Days:0.##} day(s) each{(warmUp > TimeSpan.Zero ? $", the first {warmUp.TotalHours:0.##} h left out" : string.Empty)}"));

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, token) =>
        {
            var replica = scenario with { Seed = seeds[i] };
            var runs = new List<(TopologyReport, IReadOnlyDictionary<string, double>)>
            {
                // Only replication 0, the scenario's own seed, writes the snapshot and spans.
                await RunTopologyAsync(replica, scenario.Name, scenario.Description, scenario.Desks, i == 0 ? outputs : null, token),
            };
            foreach (var topology in topologies)
            {
                runs.Add(await RunTopologyAsync(replica, topology.Name, topology.Description, topology.Desks, null, token));
            }

            results[i] = [.. runs];
            lock (progress)
            {
                done++;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Replications done: {done} of {count}"));
            }
        });

        var replications = ReplicationReportBuilder.Build(
            seeds,
            warmUp.TotalHours,
            topologies.Select(t => t.Name).ToList(),
            results.Select(r => new ReplicationFigures(r[0].Figures, r.Skip(1).Select(t => t.Figures).ToList())).ToList());
        var first = results[0];
        return ScenarioRunner.Report(scenario, first[0].Report, first.Skip(1).Select(t => t.Report).ToList(), Pace) with
        {
            SchemaVersion = RunReport.ReplicatedSchemaVersion,
            Replications = replications,
        };
    }

    // Every replication runs in virtual time; the run states its pace in its own words.
    private string Pace => new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null, bus: bus).Pace;

    private async Task<(TopologyReport, IReadOnlyDictionary<string, double>)> RunTopologyAsync(
        Scenario replica, string name, string description, IReadOnlyList<DeskPlan> desks, RunOutputs? files, CancellationToken cancellationToken)
    {
        var ledger = await new SimulationRun(replica, desks, speed: null, TextWriter.Null, files, bus: bus).RunAsync(cancellationToken);
        var measuredFrom = replica.Start + warmUp;
        var measured = warmUp > TimeSpan.Zero ? WarmUp.Exclude(ledger, measuredFrom, replica.ServiceLevels) : ledger;
        var report = TopologyReportBuilder.Build(name, description, desks, measured, measuredFrom, replica.End);
        return (report, HeadlineFigures.Of(report, measured));
    }
}
