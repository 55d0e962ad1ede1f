using Malaysia.Ops.Domain.Load;

namespace Malaysia.Ops.Workload;

/// <summary>Section "Workload:Load": a synthetic load in wall time, on top of the seeded stream,
/// for load demos and capacity runs. Off unless <see cref="Seconds"/> is set.</summary>
public sealed class LoadOptions
{
    public const string Section = "Workload:Load";

    /// <summary>Constant, Ramp or Spike.</summary>
    public LoadShape Shape { get; set; } = LoadShape.Constant;

    /// <summary>Incidents per wall second (a ramp's start, a spike's base).</summary>
    public double Rate { get; set; }

    /// <summary>A ramp's rate at its end, a spike's rate at its height.</summary>
    public double PeakRate { get; set; }

    /// <summary>Wall seconds the load runs; 0 for no load.</summary>
    public double Seconds { get; set; }

    /// <summary>Wall seconds into the load when a spike starts, and how long it lasts.</summary>
    public double SpikeAtSeconds { get; set; }

    public double SpikeSeconds { get; set; }

    /// <summary>Raises waiting for the broker's confirm at once, at most: enough to keep the
    /// broker busy without queueing a backlog in this process.</summary>
    public int InFlight { get; set; } = 256;

    /// <summary>Wall seconds between the load's live figures.</summary>
    public double ReportSeconds { get; set; } = 5;

    /// <summary>Thresholds the load is held to, as k6 writes them ("p99 raise→assign &lt; 200 ms",
    /// "queue depth &lt; 1000", "lost = 0"): judged live, and at the end, when a broken one makes the
    /// workload exit with code 1 (and with 0 when all held).</summary>
    public List<string> Thresholds { get; set; } = [];

    /// <summary>Dispatch's HTTP port, where the figures past the broker's confirm are read (GET
    /// /load): the stages after the raise, the queue depth and the incidents acknowledged.</summary>
    public string DispatchUrl { get; set; } = "http://127.0.0.1:5101";

    /// <summary>Wall seconds the gate waits, once every raise is confirmed, for dispatch to see
    /// each incident as far as the thresholds look (acknowledged, for lost ones) before judging.</summary>
    public double DrainSeconds { get; set; } = 120;

    public bool Enabled => Seconds != 0;

    /// <summary>The thresholds as a gate (none when any is bad: <see cref="Problems"/> says so).</summary>
    public LoadGate ToGate() => LoadGate.Parse(Thresholds, $"{Section}:{nameof(Thresholds)}", out _);

    public LoadProfile ToProfile() => new(Shape, Rate, PeakRate, Wall(Seconds), Wall(SpikeAtSeconds), Wall(SpikeSeconds));

    /// <summary>What is wrong with the settings, each problem naming its setting.</summary>
    public IEnumerable<string> Problems()
    {
        // Checked with or without a load: a gate written wrong is wrong before it is used.
        LoadGate.Parse(Thresholds, $"{Section}:{nameof(Thresholds)}", out var thresholdProblems);
        foreach (var problem in thresholdProblems)
        {
            yield return problem;
        }

        if (!Uri.TryCreate(DispatchUrl, UriKind.Absolute, out var dispatch) || dispatch.Scheme is not ("http" or "https"))
        {
            yield return $"{Section}:{nameof(DispatchUrl)}: '{DispatchUrl}' is not an http(s) address";
        }

        if (DrainSeconds is not (>= 0 and <= 3600))
        {
            yield return $"{Section}:{nameof(DrainSeconds)}: {DrainSeconds} is out of range (0 to 3600 wall seconds)";
        }

        if (!Enabled)
        {
            yield break;
        }

        foreach (var (name, value) in new[] { (nameof(Seconds), Seconds), (nameof(SpikeAtSeconds), SpikeAtSeconds), (nameof(SpikeSeconds), SpikeSeconds) })
        {
            if (!double.IsFinite(value) || Math.Abs(value) > LoadProfile.MaxDuration.TotalSeconds)
            {
                yield return $"{Section}:{name}: {value} is not a number of wall seconds (up to {LoadProfile.MaxDuration.TotalSeconds})";
                yield break;
            }
        }

        foreach (var problem in ToProfile().Problems(Section))
        {
            yield return problem;
        }

        if (InFlight is < 1 or > 10_000)
        {
            yield return $"{Section}:InFlight: {InFlight} is out of range (1 to 10000)";
        }

        if (ReportSeconds is not (>= 0.5 and <= 3600))
        {
            yield return $"{Section}:ReportSeconds: {ReportSeconds} is out of range (0.5 to 3600 wall seconds)";
        }
    }

    private static TimeSpan Wall(double seconds) => TimeSpan.FromSeconds(seconds);
}
