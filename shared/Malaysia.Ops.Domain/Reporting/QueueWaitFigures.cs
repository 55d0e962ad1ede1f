namespace Malaysia.Ops.Domain.Reporting;

/// <summary>Minutes from raised to the first start of work, over the incidents whose work had
/// started: p50 and p95 by the nearest-rank method, and the mean. All null for an empty sample.</summary>
public sealed record QueueWaitFigures(int Count, double? P50, double? P95, double? Mean)
{
    public static QueueWaitFigures Of(IEnumerable<double> minutes)
    {
        var sorted = minutes.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new QueueWaitFigures(0, null, null, null);
        }

        return new QueueWaitFigures(
            sorted.Length,
            Math.Round(Ledger.LatencyFigures.NearestRank(sorted, 0.50), 2),
            Math.Round(Ledger.LatencyFigures.NearestRank(sorted, 0.95), 2),
            Math.Round(sorted.Average(), 2));
    }
}
