using Malaysia.Ops.Messaging;

namespace Malaysia.Ops.Dispatch.Load;

/// <summary>The messages waiting on the operation's queues together, as the load's reporter last
/// read them and at the highest it has seen: what a "queue depth" threshold is judged on.</summary>
public sealed class LoadQueues
{
    private long last = -1;
    private long peak = -1;

    public long? Last => Known(Interlocked.Read(ref last));

    public long? Peak => Known(Interlocked.Read(ref peak));

    public void Read(IReadOnlyList<QueueReading> readings)
    {
        var depth = readings.Sum(r => r.Messages);
        Interlocked.Exchange(ref last, depth);
        long seen;
        do
        {
            seen = Interlocked.Read(ref peak);
        }
        while (depth > seen && Interlocked.CompareExchange(ref peak, depth, seen) != seen);
    }

    private static long? Known(long value) => value < 0 ? null : value;
}
