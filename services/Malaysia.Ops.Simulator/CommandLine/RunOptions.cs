using System.CommandLine;
using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.Workload;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>The options of a run, and the <see cref="SimulatorSettings"/> they make.</summary>
internal sealed class RunOptions
{
    private readonly Option<string?> scenario = OptionValue.Text("--scenario", "NAME|PATH", $"the scenario to run: a name from the list command or a YAML file (default {SimulatorSettings.DefaultScenario})");
    private readonly Option<double?> days = OptionValue.Number("--days", "N", "override the scenario's simulated days");
    private readonly Option<int?> seed = OptionValue.WholeNumber("--seed", "N", "override the seed; the same seed gives the same incidents");
    private readonly Option<double?> rateMultiplier = OptionValue.Number("--rate-multiplier", "F", "multiply the scenario's incident rate (e.g. 10 for a load test)");
    private readonly Option<DateTimeOffset?> start = OptionValue.Instant("--start", "ISO", "override the simulated start, UTC (e.g. 2026-01-12T00:00:00Z)");
    private readonly Option<int?> engineers = OptionValue.WholeNumber("--engineers", "N", "override the engineers of every desk");

    private readonly Option<double?> speed = OptionValue.Number("--speed", "X",
        "run on an accelerated wall clock, X simulated seconds per wall second (e.g. 17280: a day in 5 s), as the separate services do. "
        + "Without it the run is in virtual time: the clock jumps to the next thing due whenever nothing is happening, "
        + "so a week takes seconds and the same options give the same report, byte for byte");

    private readonly Option<SimulatorBus?> bus = OptionValue.Bus("--bus", "direct|masstransit",
        "direct (the default in virtual time): the engine calls the services' decisions itself, far faster, with the same report; "
        + "masstransit: the in-memory bus, as --speed and --trace-file use");

    private readonly Option<double?> loadRate = OptionValue.Number("--load-rate", "R",
        "add a synthetic load of R incidents per wall second (marked synthetic, INC-L- ids) for --load-seconds; "
        + "needs --speed, and the run lasts as long as --days at that speed, load or not");

    private readonly Option<double?> loadSeconds = OptionValue.Number("--load-seconds", "N", $"how long the load runs (wall seconds, default {SimulatorSettings.DefaultLoadSeconds})");
    private readonly Option<LoadShape?> loadShape = OptionValue.Shape("--load-shape", "S", "constant (default), ramp (from --load-rate to --load-peak) or spike (--load-peak from --load-spike-at for --load-spike-seconds)");
    private readonly Option<double?> loadPeak = OptionValue.Number("--load-peak", "R", "a ramp's final rate, a spike's height (incidents per second)");
    private readonly Option<double?> loadSpikeAt = OptionValue.Number("--load-spike-at", "N", "when the spike starts (wall seconds into the load)");
    private readonly Option<double?> loadSpikeSeconds = OptionValue.Number("--load-spike-seconds", "N", "how long the spike lasts (wall seconds)");
    private readonly Option<int?> replications = OptionValue.WholeNumber("--replications", "N",
        "run N independent replications in virtual time, in parallel on every core (replication i on seed + 7919*i), "
        + "and give every headline figure and every topology's difference from the scenario's own as a mean with its "
        + "95% confidence interval (default 1: a single run)");

    private readonly Option<double?> warmUp = OptionValue.Number("--warm-up", "HOURS",
        "leave the incidents raised in the first HOURS of each replication out of every figure (the desks start empty); "
        + "overrides the scenario's warmUpHours, 0 for none; a warm-up runs as a replicated run even with one replication");

    private readonly Option<string?> report = OptionValue.Text("--report", "DIR", "where report.json and report.html go (default reports/<scenario>)");
    private readonly Option<bool> noReport = new("--no-report") { Description = "write no report files" };
    private readonly Option<bool> noCompare = new("--no-compare") { Description = "skip the scenario's topology comparison" };
    private readonly Option<string?> snapshot = OptionValue.Text("--snapshot", "PATH", "also write dispatch's ledger (every incident and handoff) as JSON");
    private readonly Option<string?> traceFile = OptionValue.Text("--trace-file", "PATH", "write every span as OTLP/JSON lines (one trace per incident)");
    private readonly Option<bool> verbose = new("--verbose") { Description = "show the services' warnings (escalations, late briefings)" };

    /// <summary>In the order the help lists them.</summary>
    public IReadOnlyList<Option> All =>
    [
        scenario, days, seed, rateMultiplier, start, engineers, speed, bus,
        loadRate, loadSeconds, loadShape, loadPeak, loadSpikeAt, loadSpikeSeconds,
        replications, warmUp, report, noReport, noCompare, snapshot, traceFile, verbose,
    ];

    private IReadOnlyList<Option> OptionsOfTheLoad => [loadRate, loadSeconds, loadShape, loadPeak, loadSpikeAt, loadSpikeSeconds];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Add(option);
        }
    }

    /// <summary>The settings the options ask for, their sense not yet checked.</summary>
    public SimulatorSettings Settings(ParseResult result) => new(
        Scenario: result.GetValue(scenario) ?? SimulatorSettings.DefaultScenario,
        Days: result.GetValue(days),
        Seed: result.GetValue(seed),
        Speed: result.GetValue(speed),
        RateMultiplier: result.GetValue(rateMultiplier) ?? 1,
        Start: result.GetValue(start),
        Engineers: result.GetValue(engineers),
        ReportFolder: result.GetValue(report),
        WriteReport: !result.GetValue(noReport),
        Compare: !result.GetValue(noCompare),
        SnapshotPath: result.GetValue(snapshot),
        TraceFile: result.GetValue(traceFile),
        Verbose: result.GetValue(verbose),
        Load: Load(result),
        Bus: result.GetValue(bus),
        Replications: result.GetValue(replications) ?? 1,
        WarmUpHours: result.GetValue(warmUp));

    /// <summary>A load when any of its options was given.</summary>
    private LoadOptions? Load(ParseResult result) => OptionsOfTheLoad.Any(o => result.GetResult(o) is not null)
        ? new LoadOptions
        {
            Rate = result.GetValue(loadRate) ?? 0,
            Seconds = result.GetValue(loadSeconds) ?? SimulatorSettings.DefaultLoadSeconds,
            Shape = result.GetValue(loadShape) ?? LoadShape.Constant,
            PeakRate = result.GetValue(loadPeak) ?? 0,
            SpikeAtSeconds = result.GetValue(loadSpikeAt) ?? 0,
            SpikeSeconds = result.GetValue(loadSpikeSeconds) ?? 0,
        }
        : null;
}
