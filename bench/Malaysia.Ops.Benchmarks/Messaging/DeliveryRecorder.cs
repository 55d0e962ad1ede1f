using System.Diagnostics;
using HdrHistogram;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>
/// What the consumers of one path saw: how many messages arrived and when the last did, and,
/// for the messages of a tracked range, the time from the publish call to the consumer
/// (microseconds, in an HdrHistogram). Consumers on any thread report here.
/// </summary>
public sealed class DeliveryRecorder
{
    /// <summary>A minute, in microseconds: anything slower is a failed run, not a latency.</summary>
    private const long HighestLatency = 60_000_000;

    private readonly Lock histogramLock = new();
    private long[] sentAt = [];
    private long trackedFrom;
    private long delivered;
    private long lastDeliveredAt;
    private int bodyBytes;

    public LongHistogram Latency { get; } = new(HighestLatency, 3);

    public long Delivered => Interlocked.Read(ref delivered);

    /// <summary>Stopwatch timestamp of the latest delivery.</summary>
    public long LastDeliveredAt => Interlocked.Read(ref lastDeliveredAt);

    /// <summary>Size on the wire of a message body, as the consumer received it.</summary>
    public int BodyBytes => Volatile.Read(ref bodyBytes);

    /// <summary>Records latency for sequence numbers from <paramref name="first"/> on, for
    /// <paramref name="count"/> messages.</summary>
    public void Track(long first, long count)
    {
        trackedFrom = first;
        sentAt = new long[count];
    }

    /// <summary>Called just before the publish of a tracked message.</summary>
    public void Sent(long sequence) => sentAt[sequence - trackedFrom] = Stopwatch.GetTimestamp();

    public void Received(long sequence, int body)
    {
        var now = Stopwatch.GetTimestamp();
        var index = sequence - trackedFrom;
        if (index >= 0 && index < sentAt.Length)
        {
            var micros = (long)Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[index]), now).TotalMicroseconds;
            lock (histogramLock)
            {
                Latency.RecordValue(Math.Clamp(micros, 1, HighestLatency));
            }
        }

        Volatile.Write(ref bodyBytes, body);
        Interlocked.Exchange(ref lastDeliveredAt, now);
        Interlocked.Increment(ref delivered);
    }

    /// <summary>Waits until <paramref name="count"/> messages in all have been delivered.</summary>
    public async Task WaitForAsync(long count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Delivered < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"only {Delivered} of {count} messages arrived within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(5, cancellationToken);
        }
    }
}
