using HdrHistogram;

namespace Malaysia.Ops.Workload;

/// <summary>
/// What a synthetic load has done so far: incidents offered (due by its profile), raised (the
/// broker confirmed them), waiting for the confirm, and the time from each raise to its confirm
/// (microseconds, in an HdrHistogram). Raises on any thread report here.
/// </summary>
public sealed class LoadFigures
{
    /// <summary>A minute, in microseconds: a confirm slower than that is an outage, not a latency.</summary>
    private const long HighestLatency = 60_000_000;

    private readonly Lock gate = new();
    private readonly LongHistogram confirmLatency = new(HighestLatency, 3);
    private long offered;
    private long raised;
    private long inFlight;

    public long Offered => Interlocked.Read(ref offered);

    public long Raised => Interlocked.Read(ref raised);

    public long InFlight => Interlocked.Read(ref inFlight);

    public void Sending()
    {
        Interlocked.Increment(ref offered);
        Interlocked.Increment(ref inFlight);
    }

    public void Confirmed(TimeSpan latency)
    {
        lock (gate)
        {
            confirmLatency.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 1, HighestLatency));
        }

        Interlocked.Increment(ref raised);
        Interlocked.Decrement(ref inFlight);
    }

    /// <summary>A raise abandoned (the service is stopping).</summary>
    public void Abandoned() => Interlocked.Decrement(ref inFlight);

    /// <summary>Raise-to-confirm latency at <paramref name="percentile"/> (0 to 100), in ms;
    /// null before the first confirm.</summary>
    public double? ConfirmMilliseconds(double percentile)
    {
        lock (gate)
        {
            return confirmLatency.TotalCount == 0 ? null : confirmLatency.GetValueAtPercentile(percentile) / 1000.0;
        }
    }
}
