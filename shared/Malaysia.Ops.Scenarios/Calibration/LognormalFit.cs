namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>
/// A lognormal distribution fitted to work times by the mean and spread of their logarithms,
/// with the Kolmogorov–Smirnov distance between the fit and the sample (the largest gap between
/// the two cumulative distributions: below about 1.36/√n the fit is not rejected at 5%).
/// </summary>
public sealed record LognormalFit(double Mu, double Sigma, double KolmogorovSmirnov, int Samples)
{
    /// <summary>The fit's mean, exp(μ + σ²/2).</summary>
    public double Mean => Math.Exp(Mu + (Sigma * Sigma / 2));

    /// <summary>The distance above which the fit is rejected at 5%.</summary>
    public double CriticalDistance => Samples > 0 ? 1.36 / Math.Sqrt(Samples) : double.PositiveInfinity;

    /// <summary>The fraction of work times at or below <paramref name="minutes"/>, by the fit.</summary>
    public double Cumulative(double minutes) =>
        minutes <= 0 ? 0 : Sigma == 0 ? (Math.Log(minutes) >= Mu ? 1 : 0) : NormalCumulative((Math.Log(minutes) - Mu) / Sigma);

    /// <summary>The fit to the positive values of <paramref name="minutes"/>; null with fewer than two.</summary>
    public static LognormalFit? Of(IEnumerable<double> minutes)
    {
        var sorted = minutes.Where(m => m > 0 && double.IsFinite(m)).Order().ToArray();
        if (sorted.Length < 2)
        {
            return null;
        }

        var logs = sorted.Select(m => Math.Log(m)).ToArray();
        var mu = logs.Average();
        var sigma = Math.Sqrt(logs.Sum(l => (l - mu) * (l - mu)) / (logs.Length - 1));
        var fit = new LognormalFit(mu, sigma, 0, sorted.Length);
        var distance = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var f = fit.Cumulative(sorted[i]);
            distance = Math.Max(distance, Math.Max(((i + 1.0) / sorted.Length) - f, f - ((double)i / sorted.Length)));
        }

        return fit with { KolmogorovSmirnov = distance };
    }

    // Abramowitz and Stegun 7.1.26: within 1.5e-7, far finer than any sample's own noise.
    private static double NormalCumulative(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
