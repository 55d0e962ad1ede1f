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

    public bool Enabled => Seconds != 0;

    public LoadProfile ToProfile() => new(Shape, Rate, PeakRate, Wall(Seconds), Wall(SpikeAtSeconds), Wall(SpikeSeconds));

    /// <summary>What is wrong with the settings, each problem naming its setting.</summary>
    public IEnumerable<string> Problems()
    {
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
