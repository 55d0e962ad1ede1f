using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>The work times of one severity: their sample mean with its 95% interval, and the
/// lognormal fit (null with fewer than two).</summary>
public sealed record WorkTimeFigures(Severity Severity, int Samples, double MeanMinutes, double MeanHalfWidth, LognormalFit? Fit, IReadOnlyList<double> Minutes)
{
    public bool MeanCovers(double minutes) => Math.Abs(minutes - MeanMinutes) <= MeanHalfWidth;

    public static WorkTimeFigures Of(Severity severity, IReadOnlyList<double> minutes)
    {
        var n = minutes.Count;
        var mean = n > 0 ? minutes.Average() : 0;
        var sd = n > 1 ? Math.Sqrt(minutes.Sum(m => (m - mean) * (m - mean)) / (n - 1)) : 0;
        var halfWidth = n > 1 ? 1.96 * sd / Math.Sqrt(n) : double.PositiveInfinity;
        return new WorkTimeFigures(severity, n, mean, halfWidth, LognormalFit.Of(minutes), minutes);
    }
}
