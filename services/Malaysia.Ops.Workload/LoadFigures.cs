using Malaysia.Ops.ServiceDefaults.Telemetry;

namespace Malaysia.Ops.Workload;

/// <summary>
/// What a synthetic load has done so far: incidents offered (due by its profile), raised (the
/// broker confirmed them), refused (the broker or the bus failed the raise), waiting for the
/// confirm, and the time from each raise to its confirm (microseconds, in an HdrHistogram).
/// Raises on any thread report here.
/// </summary>
public sealed class LoadFigures
{
    // A confirm slower than a minute is an outage, not a latency.
    private readonly LatencyHistogram confirmLatency = new(TimeSpan.FromMinutes(1));
    private long offered;
    private long raised;
    private long inFlight;
    private long failed;

    public long Offered => Interlocked.Read(ref offered);

    public long Raised => Interlocked.Read(ref raised);

    public long InFlight => Interlocked.Read(ref inFlight);

    public long Failed => Interlocked.Read(ref failed);

    public void Sending()
    {
        Interlocked.Increment(ref offered);
        Interlocked.Increment(ref inFlight);
    }

    public void Confirmed(TimeSpan latency)
    {
        confirmLatency.Record(latency);
        Interlocked.Increment(ref raised);
        Interlocked.Decrement(ref inFlight);
    }

    /// <summary>A raise the broker refused or the bus could not send: lost to the load.</summary>
    public void Refused()
    {
        Interlocked.Increment(ref failed);
        Interlocked.Decrement(ref inFlight);
    }

    /// <summary>A raise abandoned (the service is stopping).</summary>
    public void Abandoned() => Interlocked.Decrement(ref inFlight);

    /// <summary>Raise-to-confirm latency at <paramref name="percentile"/> (0 to 100), in ms;
    /// null before the first confirm.</summary>
    public double? ConfirmMilliseconds(double percentile) => confirmLatency.Milliseconds(percentile);
}
