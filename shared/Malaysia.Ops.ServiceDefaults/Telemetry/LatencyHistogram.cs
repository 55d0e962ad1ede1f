using HdrHistogram;

namespace Malaysia.Ops.ServiceDefaults.Telemetry;

/// <summary>
/// Latencies recorded from any thread into an HdrHistogram (microseconds, three significant
/// digits), for live percentiles. A latency beyond the highest the histogram was made for is
/// recorded as that highest: past it, it is an outage rather than a latency.
/// </summary>
public sealed class LatencyHistogram(TimeSpan highest)
{
    private readonly Lock gate = new();
    private readonly long highestMicroseconds = (long)highest.TotalMicroseconds;
    private readonly LongHistogram histogram = new((long)highest.TotalMicroseconds, 3);

    public long Count
    {
        get
        {
            lock (gate)
            {
                return histogram.TotalCount;
            }
        }
    }

    public void Record(TimeSpan latency)
    {
        var microseconds = Math.Clamp((long)latency.TotalMicroseconds, 1, highestMicroseconds);
        lock (gate)
        {
            histogram.RecordValue(microseconds);
        }
    }

    /// <summary>The latency at <paramref name="percentile"/> (0 to 100) in milliseconds; null
    /// before anything was recorded.</summary>
    public double? Milliseconds(double percentile)
    {
        lock (gate)
        {
            return histogram.TotalCount == 0 ? null : histogram.GetValueAtPercentile(percentile) / 1000.0;
        }
    }

    /// <summary>"p50 1.23 ms, p99 4.56 ms" at the given percentiles, "-" where nothing was
    /// recorded yet: for log lines.</summary>
    public string Describe(params double[] percentiles) => string.Join(
        ", ",
        percentiles.Select(p => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"p{p} {(Milliseconds(p) is { } ms ? ms.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " ms" : "-")}")));
}
