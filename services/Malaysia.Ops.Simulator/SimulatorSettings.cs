using System.Globalization;
using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.Domain.Scenarios;
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
    LoadOptions? Load = null,
    SimulatorBus? Bus = null,
    int Replications = 1,
    double? WarmUpHours = null)
{
    public const string DefaultScenario = "july-week";

    public static SimulatorSettings Default { get; } = new(DefaultScenario);

    /// <summary>Several replications, or a warm-up to leave out: the figures are estimates.</summary>
    public bool Replicated => Replications > 1 || WarmUpHours > 0;

    /// <summary>Whether the run of <paramref name="scenario"/>, these settings applied to it, is
    /// replicated: its own warm-up counts too.</summary>
    public bool Replicates(Scenario scenario) => Replications > 1 || scenario.WarmUpHours > 0;

    /// <summary>Virtual time unless a speed was asked for.</summary>
    public bool VirtualTime => Speed is null;

    /// <summary>The scenario file's rule: at most a leap year.</summary>
    public const double MaxDays = ScenarioLimits.MaxDays;

    public const double MaxSpeed = 1_000_000;

    public const double MaxRateMultiplier = 10_000;

    public const int MaxEngineers = 1000;

    public const int MaxReplications = 1000;

    public const double MaxWarmUpHours = ScenarioLimits.MaxWarmUpHours;

    /// <summary>A load asked for with no --load-seconds runs this long (wall seconds).</summary>
    public const double DefaultLoadSeconds = 60;

    /// <summary>What is wrong with the settings, each problem naming the command-line option
    /// that set it; the ranges first, then what the options mean together, then where the run's
    /// files go.</summary>
    public IEnumerable<string> Problems()
    {
        var ranges = new[]
        {
            Days is { } days ? Positive("--days", days, MaxDays) : null,
            Start is { } start && !ScenarioLimits.IsInYears(start)
                ? $"--start: {start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} {ScenarioLimits.OutOfYears}"
                : null,
            Speed is { } speed ? Positive("--speed", speed, MaxSpeed) : null,
            Positive("--rate-multiplier", RateMultiplier, MaxRateMultiplier),
            Engineers is { } engineers ? Positive("--engineers", engineers, MaxEngineers) : null,
            Positive("--replications", Replications, MaxReplications),
            WarmUpHours is { } warmUp ? ZeroOrMore("--warm-up", warmUp, MaxWarmUpHours) : null,
            Replicated && Speed is not null ? "--replications: replications run in virtual time; drop --speed" : null,
        };
        foreach (var problem in ranges.Concat(Load is null ? [] : LoadRanges(Load)).OfType<string>())
        {
            yield return problem;
        }

        if (Bus == SimulatorBus.Direct && (Speed is not null || TraceFile is not null))
        {
            yield return "--bus direct: runs in virtual time without spans; drop --speed and --trace-file, or use --bus masstransit";
        }

        var load = Load is null ? null
            : Speed is null ? "--load-rate: a load in wall time needs a run on the wall clock; add --speed (e.g. --speed 60)"

            // The load's own check names its settings; here they are the --load-* options.
            : Load.Problems().FirstOrDefault() is { } ofTheLoad ? $"--load-*: {ofTheLoad}"
            : null;
        if (load is not null)
        {
            yield return load;
        }

        foreach (var problem in OutputPaths.Problems(this))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string?> LoadRanges(LoadOptions load)
    {
        var maxSeconds = LoadProfile.MaxDuration.TotalSeconds;
        yield return NonNegative("--load-rate", load.Rate);
        yield return Positive("--load-seconds", load.Seconds, maxSeconds);
        yield return NonNegative("--load-peak", load.PeakRate);
        yield return NonNegative("--load-spike-at", load.SpikeAtSeconds);

        // 0 is what no --load-spike-seconds leaves; the load's own check wants more of a spike.
        yield return load.SpikeSeconds != 0 ? Positive("--load-spike-seconds", load.SpikeSeconds, maxSeconds) : null;
    }

    private static string? NonNegative(string name, double value) =>
        value >= 0 && value <= LoadProfile.MaxRate * 100
            ? null
            : $"{name}: {value.ToString(CultureInfo.InvariantCulture)} is out of range (0 or more)";

    private static string? ZeroOrMore(string name, double value, double max) =>
        value >= 0 && value <= max
            ? null
            : $"{name}: {value.ToString(CultureInfo.InvariantCulture)} is out of range (0 or more, at most {max.ToString(CultureInfo.InvariantCulture)})";

    private static string? Positive(string name, double value, double max) =>
        value > 0 && value <= max
            ? null
            : $"{name}: {value.ToString(CultureInfo.InvariantCulture)} is out of range (more than 0, at most {max.ToString(CultureInfo.InvariantCulture)})";
}
