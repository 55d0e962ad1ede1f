namespace Malaysia.Ops.Domain.Statistics;

/// <summary>
/// How far one alternative is from a baseline when both ran on the same random numbers in each
/// replication: the estimate of the per-replication differences (alternative minus baseline).
/// Pairing removes the variation the two share, so the interval is narrower than comparing
/// two separate intervals. <see cref="Significant"/> when the 95% interval leaves out zero.
/// </summary>
public sealed record PairedDifference(Estimate Difference, bool Significant)
{
    public static PairedDifference Of(IReadOnlyList<double> baseline, IReadOnlyList<double> alternative)
    {
        if (baseline.Count != alternative.Count)
        {
            throw new ArgumentException($"a paired difference needs as many alternative values as baseline values ({alternative.Count} against {baseline.Count})", nameof(alternative));
        }

        var difference = Estimate.Of(alternative.Zip(baseline, (a, b) => a - b).ToList());
        return new PairedDifference(difference, difference.Low > 0 || difference.High < 0);
    }
}
