namespace Malaysia.Ops.Contracts;

/// <summary>
/// Synthetic load as dispatch has booked it so far (GET /load on dispatch's HTTP port): load
/// incidents booked, assigned, acknowledged and resolved, still open, the latency from the raise
/// to each stage at the percentiles asked for, and the messages waiting on the operation's queues
/// at the last reading and at the highest (null when the broker could not be asked).
/// </summary>
public sealed record LoadThroughDispatch(
    long Booked,
    long Assigned,
    long Acknowledged,
    long Resolved,
    int Open,
    IReadOnlyList<StageLatency> Latencies,
    long? QueueDepth,
    long? PeakQueueDepth);

/// <summary>Milliseconds from the raise to <paramref name="Stage"/> ("assign", "acknowledge",
/// "resolve") at <paramref name="Percentile"/>; null before the first incident got there.</summary>
public sealed record StageLatency(string Stage, double Percentile, double? Milliseconds);

/// <summary>Where the load driver reads <see cref="LoadThroughDispatch"/>: dispatch itself when it
/// runs in the same process, its HTTP port when not.</summary>
public interface IDispatchLoadFigures
{
    /// <summary>The figures with latencies at <paramref name="percentiles"/>; null when dispatch
    /// cannot be asked.</summary>
    Task<LoadThroughDispatch?> ReadAsync(IReadOnlyList<double> percentiles, CancellationToken cancellationToken);
}
