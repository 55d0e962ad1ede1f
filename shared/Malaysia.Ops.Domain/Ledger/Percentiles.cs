namespace Malaysia.Ops.Domain.Ledger;

/// <summary>p50 / p95 / max of a sample, by the nearest-rank method (every figure is a value
/// that was actually observed). All null for an empty sample.</summary>
public sealed record LatencyFigures(int Count, double? P50, double? P95, double? Max)
{
    public static LatencyFigures Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencyFigures(0, null, null, null);
        }

        return new LatencyFigures(sorted.Length, NearestRank(sorted, 0.50), NearestRank(sorted, 0.95), sorted[^1]);
    }

    public static double NearestRank(IReadOnlyList<double> sorted, double quantile)
    {
        var rank = (int)Math.Ceiling(quantile * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
