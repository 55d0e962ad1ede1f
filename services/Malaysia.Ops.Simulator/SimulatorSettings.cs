using System.Globalization;
using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.Workload;

namespace Malaysia.Ops.Simulator;

/// <summary>What one simulator run is asked to do, from its command line: a scenario and the
/// options that override it.</summary>
public sealed record SimulatorSettings(
    string Scenario,
    double? Days = null,
    int? Seed = null,
    double? Speed = null,
    double RateMultiplier = 1,
    DateTimeOffset? Start = null,
    int? Engineers = null,
    string? ReportFolder = null,
    bool WriteReport = true,
    bool Compare = true,
    string? SnapshotPath = null,
    string? TraceFile = null,
    bool Verbose = false,
    bool ListScenarios = false,
    LoadOptions? Load = null,
    int Replications = 1,
    double? WarmUpHours = null)
{
    public const string DefaultScenario = "july-week";

    public const int MaxReplications = 1000;

    public static SimulatorSettings Default { get; } = new(DefaultScenario);

    /// <summary>Several replications, or a warm-up to leave out: the figures are estimates.</summary>
    public bool Replicated => Replications > 1 || WarmUpHours is not null;

    /// <summary>Virtual time unless a speed was asked for.</summary>
    public bool VirtualTime => Speed is null;

    public const string Help = """
        Malaysia.Ops simulator: a follow-the-sun AI operations desk (US desk in New York,
        Malaysian desk in Kuala Lumpur, or any desks a scenario defines) run in one process on
        an in-memory bus, with a report of what the time-zone bridge cost.

        Usage: dotnet run --project services/Malaysia.Ops.Simulator -- [options]

          --scenario NAME|PATH  the scenario to run: a name from --list or a YAML file
                                (default july-week)
          --list                list the checked-in scenarios and stop
          --days N              override the scenario's simulated days
          --seed N              override the seed; the same seed gives the same incidents
          --rate-multiplier F   multiply the scenario's incident rate (e.g. 10 for a load test)
          --start ISO           override the simulated start, UTC (e.g. 2026-01-12T00:00:00Z)
          --engineers N         override the engineers of every desk
          --speed X             run on an accelerated wall clock, X simulated seconds per wall
                                second (e.g. 17280: a day in 5 s), as the separate services do.
                                Without it the run is in virtual time: the clock jumps to the next
                                thing due whenever nothing is happening, so a week takes seconds
                                and the same options give the same report, byte for byte
          --load-rate R         add a synthetic load of R incidents per wall second (marked
                                synthetic, INC-L- ids) for --load-seconds; needs --speed, and
                                the run lasts as long as --days at that speed, load or not
          --load-seconds N      how long the load runs (wall seconds, default 60)
          --load-shape S        constant (default), ramp (from --load-rate to --load-peak) or
                                spike (--load-peak from --load-spike-at for --load-spike-seconds)
          --load-peak R         a ramp's final rate, a spike's height (incidents per second)
          --load-spike-at N, --load-spike-seconds N
                                when the spike starts (wall seconds into the load), how long
          --replications N      run N independent replications in virtual time, in parallel on
                                every core (replication i on seed + 7919*i), and give every
                                headline figure and every topology's difference from the
                                scenario's own as a mean with its 95% confidence interval
                                (default 1: a single run)
          --warm-up HOURS       leave the incidents raised in the first HOURS of each replication
                                out of every figure (the desks start empty); runs as a
                                replicated run even with one replication
          --report DIR          where report.json and report.html go (default reports/<scenario>)
          --no-report           write no report files
          --no-compare          skip the scenario's topology comparison
          --snapshot PATH       also write dispatch's ledger (every incident and handoff) as JSON
          --trace-file PATH     write every span as OTLP/JSON lines (one trace per incident)
          --verbose             show the services' warnings (escalations, late briefings)
          --help                this text

        Exit code 0 when the run completed, 2 for a bad option or scenario file, 1 when a
        service of the run failed.
        """;

    /// <summary>Parses the command line; an error names the option and what is wrong.</summary>
    public static SimulatorSettings Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{name}: needs a value");

            settings = name switch
            {
                "--scenario" => settings with { Scenario = Value() },
                "--list" => settings with { ListScenarios = true },
                "--verbose" => settings with { Verbose = true },
                "--no-report" => settings with { WriteReport = false },
                "--no-compare" => settings with { Compare = false },
                "--days" => settings with { Days = Positive(name, Number(name, Value()), max: 3650) },
                "--speed" => settings with { Speed = Positive(name, Number(name, Value()), max: 1_000_000) },
                "--seed" => settings with { Seed = Integer(name, Value()) },
                "--rate-multiplier" => settings with { RateMultiplier = Positive(name, Number(name, Value()), max: 10_000) },
                "--start" => settings with { Start = Instant(name, Value()) },
                "--replications" => settings with { Replications = (int)Positive(name, Integer(name, Value()), max: MaxReplications) },
                "--warm-up" => settings with { WarmUpHours = Positive(name, Number(name, Value()), max: 3650 * 24) },
                "--engineers" => settings with { Engineers = (int)Positive(name, Integer(name, Value()), max: 1000) },
                "--report" => settings with { ReportFolder = Value() },
                "--snapshot" => settings with { SnapshotPath = Value() },
                "--trace-file" => settings with { TraceFile = Value() },
                "--load-rate" => settings.WithLoad(l => l.Rate = NonNegative(name, Number(name, Value()))),
                "--load-seconds" => settings.WithLoad(l => l.Seconds = Positive(name, Number(name, Value()), max: LoadProfile.MaxDuration.TotalSeconds)),
                "--load-shape" => settings.WithLoad(l => l.Shape = Shape(name, Value())),
                "--load-peak" => settings.WithLoad(l => l.PeakRate = NonNegative(name, Number(name, Value()))),
                "--load-spike-at" => settings.WithLoad(l => l.SpikeAtSeconds = NonNegative(name, Number(name, Value()))),
                "--load-spike-seconds" => settings.WithLoad(l => l.SpikeSeconds = Positive(name, Number(name, Value()), max: LoadProfile.MaxDuration.TotalSeconds)),
                _ => throw new ArgumentException($"{name}: unknown option (see --help)"),
            };
        }

        if (settings.Replicated && settings.Speed is not null)
        {
            throw new ArgumentException("--replications: replications run in virtual time; drop --speed");
        }

        return settings.Load is null ? settings : settings.CheckedLoad();
    }

    /// <summary>Sets part of the load; a load given on the command line runs a minute unless
    /// told otherwise.</summary>
    private SimulatorSettings WithLoad(Action<LoadOptions> set)
    {
        var load = Load ?? new LoadOptions { Seconds = 60 };
        set(load);
        return this with { Load = load };
    }

    private SimulatorSettings CheckedLoad()
    {
        if (Speed is null)
        {
            throw new ArgumentException("--load-rate: a load in wall time needs a run on the wall clock; add --speed (e.g. --speed 60)");
        }

        if (Load!.Problems().FirstOrDefault() is { } problem)
        {
            // The load's own check names its settings; here they are the options above.
            throw new ArgumentException($"--load-*: {problem}");
        }

        return this;
    }

    private static LoadShape Shape(string name, string text) =>
        Enum.TryParse<LoadShape>(text, ignoreCase: true, out var shape) && Enum.IsDefined(shape)
            ? shape
            : throw new ArgumentException($"{name}: '{text}' is not a load shape (constant, ramp or spike)");

    private static double NonNegative(string name, double value) =>
        value >= 0 && value <= LoadProfile.MaxRate * 100
            ? value
            : throw new ArgumentException($"{name}: {value.ToString(CultureInfo.InvariantCulture)} is out of range (0 or more)");

    private static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a number");

    private static int Integer(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a whole number");

    private static double Positive(string name, double value, double max) =>
        value > 0 && value <= max
            ? value
            : throw new ArgumentException($"{name}: {value.ToString(CultureInfo.InvariantCulture)} is out of range (more than 0, at most {max.ToString(CultureInfo.InvariantCulture)})");

    private static DateTimeOffset Instant(string name, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not an instant (e.g. 2026-07-13T00:00:00Z)");
}
