namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>A Poisson rate estimated from <paramref name="Count"/> arrivals over
/// <paramref name="Hours"/> hours, with its 95% confidence interval.</summary>
public sealed record RateEstimate(long Count, double Hours)
{
    private const double Z95 = 1.96;

    public double PerHour => Hours > 0 ? Count / Hours : 0;

    /// <summary>Half the width of the 95% interval (normal approximation; with no arrivals, the
    /// rule of three).</summary>
    public double HalfWidth => Hours <= 0 ? double.PositiveInfinity : Count == 0 ? 3 / Hours : Z95 * Math.Sqrt(Count) / Hours;

    public bool Covers(double rate) => Math.Abs(rate - PerHour) <= HalfWidth;
}
