namespace Malaysia.Ops.Domain.Statistics;

/// <summary>
/// A figure measured in <paramref name="Count"/> independent replications: its mean, the
/// sample standard deviation (n - 1 in the denominator) and the 95% confidence interval of the
/// mean, mean ± t(0.975, n - 1) · sd / √n. One replication gives a mean and nothing else:
/// there is no spread to estimate.
/// </summary>
public sealed record Estimate(int Count, double Mean, double? StandardDeviation, double? Low, double? High)
{
    /// <summary>Half the width of the interval: what "± x" says.</summary>
    public double? HalfWidth => High - Mean;

    public static Estimate Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("an estimate needs at least one value", nameof(values));
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return new Estimate(1, mean, null, null, null);
        }

        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = StudentT.Quantile975(values.Count - 1) * sd / Math.Sqrt(values.Count);
        return new Estimate(values.Count, mean, sd, mean - half, mean + half);
    }
}
