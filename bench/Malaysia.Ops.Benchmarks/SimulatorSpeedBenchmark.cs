using System.Diagnostics;
using System.Globalization;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator;

namespace Malaysia.Ops.Benchmarks;

/// <summary>
/// Simulated days per wall second of the simulator in virtual time: the default scenario for a
/// week, and a month of an operation ten times its size (ten times the incidents, ten times the
/// engineers on each desk; with the same staff the queues would grow without end, which tests
/// the desks' patience rather than the simulator's speed). The baseline, measured in the same run, is drawing
/// the same incident stream without running it, so the ratio shows what running the services
/// on the bus costs per incident.
/// </summary>
public static class SimulatorSpeedBenchmark
{
    public static async Task<int> RunAsync(double weekDays, double monthDays, double rateMultiplier, TextWriter output)
    {
        var folder = ScenarioCatalogue.DefaultFolder;
        var scenario = ScenarioLoader.Load(ScenarioCatalogue.Resolve(SimulatorSettings.DefaultScenario, folder));

        // A short run first, so start-up costs (JIT, assembly loading) do not count.
        await MeasureAsync(ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { Days = 0.5 }));

        await output.WriteLineAsync("case                          simulated days  incidents  wall s  days/s   incidents/s  baseline incidents/s  ratio");
        foreach (var (name, days, multiplier) in new[] { ("default scenario", weekDays, 1.0), ($"{rateMultiplier:0.#}x rate and staff", monthDays, rateMultiplier) })
        {
            var engineers = (int)Math.Round(scenario.Desks.Max(d => d.Engineers) * multiplier);
            var run = ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { Days = days, RateMultiplier = multiplier, Engineers = engineers });
            var (seconds, incidents) = await MeasureAsync(run);
            var baseline = Baseline(run);
            var perSecond = incidents / seconds;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-29} {days,14:0.#}  {incidents,9}  {seconds,6:0.00}  {days / seconds,6:0.0}  {perSecond,11:0}  {baseline,20:0}  {perSecond / baseline,5:0.000}"));
        }

        return 0;
    }

    private static async Task<(double Seconds, int Incidents)> MeasureAsync(Scenario scenario)
    {
        var clock = Stopwatch.StartNew();
        var ledger = await new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null).RunAsync(CancellationToken.None);
        return (clock.Elapsed.TotalSeconds, ledger.Summary.IncidentsRaised);
    }

    /// <summary>Incidents per wall second of merely drawing the run's incident stream.</summary>
    private static double Baseline(Scenario scenario)
    {
        var clock = Stopwatch.StartNew();
        var count = 0;
        for (var repeat = 0; repeat < 20; repeat++)
        {
            count += new IncidentGenerator(IncidentCatalogue.Default, scenario.Seed, scenario.Start, scenario.Arrivals, scenario.Incidents)
                .Arrivals()
                .TakeWhile(a => a.At < scenario.End)
                .Count();
        }

        return count / clock.Elapsed.TotalSeconds;
    }
}
