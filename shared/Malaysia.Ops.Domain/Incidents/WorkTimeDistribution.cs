namespace Malaysia.Ops.Domain.Incidents;

/// <summary>
/// How long an incident's hands-on work takes, in minutes. Every draw takes exactly one uniform
/// number from the stream, whatever the distribution, so the incidents after it are the same
/// whichever distribution a scenario states.
/// </summary>
public abstract record WorkTimeDistribution
{
    /// <summary>The distribution's mean, in minutes.</summary>
    public abstract double Mean { get; }

    /// <summary>One work time, from one uniform draw of <paramref name="random"/>.</summary>
    public double Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return At(random.NextDouble());
    }

    /// <summary>The work time at the uniform draw <paramref name="uniform"/> in [0, 1).</summary>
    protected abstract double At(double uniform);
}

/// <summary>Exponential work times (memoryless, as M/M/c queues assume), with no floor.</summary>
public sealed record ExponentialWorkTime(double MeanMinutes) : WorkTimeDistribution
{
    public override double Mean => MeanMinutes;

    protected override double At(double uniform) => -MeanMinutes * Math.Log(1 - uniform);
}

/// <summary>Lognormal work times of a given mean, whose logarithms have the standard deviation
/// <paramref name="Spread"/> (the σ a calibration fits).</summary>
public sealed record LognormalWorkTime(double MeanMinutes, double Spread) : WorkTimeDistribution
{
    public override double Mean => MeanMinutes;

    /// <summary>The mean of the logarithms: exp(μ + σ²/2) is the mean.</summary>
    public double Mu => Math.Log(MeanMinutes) - (Spread * Spread / 2);

    protected override double At(double uniform) =>
        Math.Exp(Mu + (Spread * StandardNormal.Quantile(Math.Clamp(uniform, double.Epsilon, 1 - 1e-16))));
}

/// <summary>The same work time for every incident (an M/D/c queue's service).</summary>
public sealed record FixedWorkTime(double Minutes) : WorkTimeDistribution
{
    public override double Mean => Minutes;

    // The draw is taken all the same, so that the stream stays aligned.
    protected override double At(double uniform) => Minutes;
}

/// <summary>Work times drawn with equal chance from a list, such as a history's own.</summary>
public sealed record EmpiricalWorkTime(IReadOnlyList<double> Minutes) : WorkTimeDistribution
{
    public override double Mean => Minutes.Average();

    protected override double At(double uniform) => Minutes[Math.Min(Minutes.Count - 1, (int)(uniform * Minutes.Count))];

    public bool Equals(EmpiricalWorkTime? other) => other is not null && Minutes.SequenceEqual(other.Minutes);

    public override int GetHashCode() => Minutes.Aggregate(Minutes.Count, HashCode.Combine);
}
