using System.Globalization;
using HdrHistogram;

namespace Malaysia.Ops.ServiceDefaults.Telemetry;

/// <summary>
/// Latencies recorded from any thread into HdrHistograms (microseconds, three significant
/// digits), for live percentiles: since the start, and over the interval since they were last
/// read (what a long run's figures mean right now, which the whole run's percentiles hide). A
/// latency beyond the highest the histogram was made for is recorded as that highest: past it,
/// it is an outage rather than a latency.
/// </summary>
public sealed class LatencyHistogram(TimeSpan highest)
{
    private readonly Lock gate = new();
    private readonly long highestMicroseconds = (long)highest.TotalMicroseconds;
    private readonly LongHistogram whole = new((long)highest.TotalMicroseconds, 3);
    private readonly LongHistogram interval = new((long)highest.TotalMicroseconds, 3);

    public long Count
    {
        get
        {
            lock (gate)
            {
                return whole.TotalCount;
            }
        }
    }

    public void Record(TimeSpan latency)
    {
        var microseconds = Math.Clamp((long)latency.TotalMicroseconds, 1, highestMicroseconds);
        lock (gate)
        {
            whole.RecordValue(microseconds);
            interval.RecordValue(microseconds);
        }
    }

    /// <summary>The latency at <paramref name="percentile"/> (0 to 100) in milliseconds since the
    /// start; null before anything was recorded.</summary>
    public double? Milliseconds(double percentile)
    {
        lock (gate)
        {
            return At(whole, percentile);
        }
    }

    /// <summary>"p50 1.23 ms, p99 4.56 ms" since the start at the given percentiles, "-" where
    /// nothing was recorded yet: for log lines.</summary>
    public string Describe(params double[] percentiles)
    {
        lock (gate)
        {
            return Describe(whole, percentiles);
        }
    }

    /// <summary>As <see cref="Describe"/>, over what was recorded since the previous call only;
    /// the next interval starts now.</summary>
    public string DescribeInterval(params double[] percentiles)
    {
        lock (gate)
        {
            var text = Describe(interval, percentiles);
            interval.Reset();
            return text;
        }
    }

    private static double? At(LongHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? null : histogram.GetValueAtPercentile(percentile) / 1000.0;

    private static string Describe(LongHistogram histogram, double[] percentiles) => string.Join(
        ", ",
        percentiles.Select(p => string.Create(
            CultureInfo.InvariantCulture,
            $"p{p} {(At(histogram, p) is { } ms ? ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms" : "-")}")));
}
