namespace Malaysia.Ops.Domain.Load;

/// <summary>How a synthetic load's rate moves over its run.</summary>
public enum LoadShape
{
    /// <summary><see cref="LoadProfile.Rate"/> throughout.</summary>
    Constant,

    /// <summary>From <see cref="LoadProfile.Rate"/> at the start to <see cref="LoadProfile.PeakRate"/>
    /// at the end, in a straight line.</summary>
    Ramp,

    /// <summary><see cref="LoadProfile.Rate"/>, with <see cref="LoadProfile.PeakRate"/> for
    /// <see cref="LoadProfile.SpikeLength"/> from <see cref="LoadProfile.SpikeAt"/>.</summary>
    Spike,
}

/// <summary>
/// A synthetic load in wall time, for load demos and capacity runs: incidents per wall second,
/// shaped over a run of <see cref="Duration"/>. Pure: a driver asks how many incidents are due by
/// a moment of the run and sends the difference, so one that falls behind (a slow broker, a
/// garbage collection) catches up instead of drifting below the rate it was asked for.
/// </summary>
public sealed record LoadProfile(LoadShape Shape, double Rate, double PeakRate, TimeSpan Duration, TimeSpan SpikeAt = default, TimeSpan SpikeLength = default)
{
    /// <summary>The rate asked for (incidents per second) at <paramref name="elapsed"/> into the run;
    /// 0 before it starts and once it is over.</summary>
    public double RateAt(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero || elapsed >= Duration)
        {
            return 0;
        }

        return Shape switch
        {
            LoadShape.Ramp => Rate + ((PeakRate - Rate) * (elapsed / Duration)),
            LoadShape.Spike => elapsed >= SpikeAt && elapsed < SpikeAt + SpikeLength ? PeakRate : Rate,
            _ => Rate,
        };
    }

    /// <summary>Incidents due from the start of the run to <paramref name="elapsed"/>: the rate
    /// integrated over that time.</summary>
    public double DueBy(TimeSpan elapsed)
    {
        var t = Math.Clamp(elapsed.TotalSeconds, 0, Duration.TotalSeconds);
        switch (Shape)
        {
            case LoadShape.Ramp:
                return (Rate * t) + ((PeakRate - Rate) * t * t / (2 * Duration.TotalSeconds));
            case LoadShape.Spike:
                var spikeFrom = Math.Min(SpikeAt.TotalSeconds, Duration.TotalSeconds);
                var spikeTo = Math.Min((SpikeAt + SpikeLength).TotalSeconds, Duration.TotalSeconds);
                var inSpike = Math.Clamp(t, spikeFrom, spikeTo) - spikeFrom;
                return (Rate * t) + ((PeakRate - Rate) * inSpike);
            default:
                return Rate * t;
        }
    }

    /// <summary>Incidents the whole run offers.</summary>
    public long Total => (long)Math.Floor(DueBy(Duration) + 1e-9);

    /// <summary>What is wrong with the profile, one line per problem, each naming the setting
    /// under <paramref name="section"/>; empty when it can run.</summary>
    public IReadOnlyList<string> Problems(string section)
    {
        var problems = new List<string>();
        if (!double.IsFinite(Rate) || Rate is < 0 or > MaxRate)
        {
            problems.Add($"{section}:Rate: {Rate} is out of range (0 to {MaxRate} incidents per second)");
        }

        if (Shape != LoadShape.Constant && (!double.IsFinite(PeakRate) || PeakRate is < 0 or > MaxRate))
        {
            problems.Add($"{section}:PeakRate: {PeakRate} is out of range (0 to {MaxRate} incidents per second)");
        }

        if (Duration <= TimeSpan.Zero || Duration > MaxDuration)
        {
            problems.Add($"{section}:Seconds: {Duration.TotalSeconds} is out of range (more than 0, up to {MaxDuration.TotalSeconds} wall seconds)");
        }

        if (Shape == LoadShape.Spike && (SpikeAt < TimeSpan.Zero || SpikeAt >= Duration || SpikeLength <= TimeSpan.Zero))
        {
            problems.Add($"{section}:SpikeAtSeconds/SpikeSeconds: a spike at {SpikeAt.TotalSeconds} s for {SpikeLength.TotalSeconds} s does not fall within the run of {Duration.TotalSeconds} s");
        }

        return problems;
    }

    /// <summary>More than a 2-core machine's broker takes by far; a typo's guard, not a capacity.</summary>
    public const double MaxRate = 100_000;

    /// <summary>A day of wall time.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    public override string ToString() => Shape switch
    {
        LoadShape.Ramp => $"ramp from {Rate:0.##}/s to {PeakRate:0.##}/s over {Duration.TotalSeconds:0.#} s",
        LoadShape.Spike => $"{Rate:0.##}/s with a spike to {PeakRate:0.##}/s at {SpikeAt.TotalSeconds:0.#} s for {SpikeLength.TotalSeconds:0.#} s, {Duration.TotalSeconds:0.#} s in all",
        _ => $"{Rate:0.##}/s for {Duration.TotalSeconds:0.#} s",
    };
}
