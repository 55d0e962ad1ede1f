using System.Diagnostics;
using System.Globalization;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator;

namespace Malaysia.Ops.Benchmarks;

/// <summary>
/// The simulator in virtual time, its direct engine beside the in-memory bus it stands in for:
/// simulated incidents per wall second on the default scenario (and the same stream merely
/// drawn, as a baseline); a simulated year of it, with its peak memory (in a process of its
/// own); a month of an operation at ten times the rate with the same staff, so queues grow;
/// and M/M/3 against SimPy. Figures only: no thresholds.
/// </summary>
public static class SimulatorSpeedBenchmark
{
    public static async Task<int> RunAsync(SimulatorBenchmarkSettings settings, TextWriter output)
    {
        var scenario = ScenarioLoader.Load(ScenarioCatalogue.Resolve(SimulatorSettings.DefaultScenario, ScenarioCatalogue.DefaultFolder));

        // A short run on each bus first, so start-up costs (JIT, assembly loading) do not count.
        foreach (var bus in Enum.GetValues<SimulatorBus>())
        {
            await MeasureAsync(ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { Days = 0.5 }), bus);
        }

        await output.WriteLineAsync("case                                bus           simulated days  incidents   wall s  incidents/s  ratio to direct");
        var week = ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { Days = settings.WeekDays });
        double? direct = null;
        foreach (var bus in Enum.GetValues<SimulatorBus>())
        {
            var (seconds, incidents) = await MeasureAsync(week, bus);
            var perSecond = incidents / seconds;
            direct ??= perSecond;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"default scenario",-35} {Name(bus),-13} {settings.WeekDays,14:0.#}  {incidents,9}  {seconds,7:0.000}  {perSecond,11:0}  {perSecond / direct.Value,15:0.0000}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"default scenario, stream only",-35} {"(baseline)",-13} {settings.WeekDays,14:0.#}  {"",9}  {"",7}  {Baseline(week),11:0}"));

        var year = await SimulatorRunProcess.RunAsync(settings.YearDays);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"a year, own process",-35} {"direct",-13} {year.Days,14:0.#}  {year.Incidents,9}  {year.WallSeconds,7:0.000}  {year.Incidents / year.WallSeconds,11:0}  peak RSS {year.PeakRssBytes / (1024.0 * 1024):0} MB"));

        var engineers = scenario.Desks.Max(d => d.Engineers);
        var busy = ScenarioOverrides.Apply(scenario, SimulatorSettings.Default with { Days = settings.MonthDays, RateMultiplier = settings.RateMultiplier, Engineers = engineers });
        var (busySeconds, busyIncidents) = await MeasureAsync(busy, SimulatorBus.Direct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{$"{settings.RateMultiplier:0.#}x rate, same staff",-35} {"direct",-13} {settings.MonthDays,14:0.#}  {busyIncidents,9}  {busySeconds,7:0.000}  {busyIncidents / busySeconds,11:0}"));

        await output.WriteLineAsync();
        await output.WriteLineAsync("M/M/3 (Poisson 2/h, exponential work mean 60 min, 3 engineers)  simulated days  customers   wall s  customers/s  mean wait min");
        var mm3 = MM3Scenario.Build(scenario.Start, settings.MM3Days, scenario.Seed);
        var clock = Stopwatch.StartNew();
        var ledger = await new SimulationRun(mm3, mm3.Desks, speed: null, TextWriter.Null, bus: SimulatorBus.Direct).RunAsync(CancellationToken.None);
        var mm3Seconds = clock.Elapsed.TotalSeconds;
        var customers = ledger.Summary.IncidentsResolved;
        var ours = customers / mm3Seconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"this simulator (direct)",-64} {settings.MM3Days,14:0.#}  {customers,9}  {mm3Seconds,7:0.000}  {ours,11:0}  {MM3Scenario.MeanWaitMinutes(mm3, ledger),13:0.0}"));
        var (simPy, problem) = await SimPyReference.RunAsync(settings.MM3Days, scenario.Seed);
        if (simPy is null)
        {
            await output.WriteLineAsync($"{"SimPy 2.3",-64} not run: {problem}");
        }
        else
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"SimPy 2.3 (bench/mm3_simpy.py)",-64} {settings.MM3Days,14:0.#}  {simPy.Customers,9}  {simPy.WallSeconds,7:0.000}  {simPy.CustomersPerSecond,11:0}  {simPy.MeanWaitMinutes,13:0.0}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"ratio, this simulator to SimPy (customers/s)",-64} {ours / simPy.CustomersPerSecond,14:0.00}x"));
        }

        return 0;
    }

    private static string Name(SimulatorBus bus) => bus == SimulatorBus.Direct ? "direct" : "masstransit";

    private static async Task<(double Seconds, int Incidents)> MeasureAsync(Scenario scenario, SimulatorBus bus)
    {
        var clock = Stopwatch.StartNew();
        var ledger = await new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null, bus: bus).RunAsync(CancellationToken.None);
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
