using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Messaging;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// Messages waiting and consumers, for the board: the services' own queues (dispatch and each
/// desk) summed, or the in-memory bus's traffic. Asked every few seconds at most, in the
/// background, so a busy board costs the broker almost nothing. Unknown (null) when the broker
/// cannot be asked.
/// </summary>
public sealed class QueueDepth(QueueGauge gauge, Roster roster, TimeProvider wall) : IDisposable
{
    private static readonly TimeSpan AskEvery = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim asking = new(1, 1);
    private (long? Messages, int? Consumers) last;
    private DateTimeOffset askedAt = DateTimeOffset.MinValue;

    public (long? Messages, int? Consumers) Read()
    {
        if (wall.GetUtcNow() - askedAt >= AskEvery && asking.Wait(0))
        {
            askedAt = wall.GetUtcNow();
            _ = AskAsync();
        }

        return last;
    }

    private async Task AskAsync()
    {
        try
        {
            var readings = await gauge.ReadAsync(QueueNames.Of(roster), "malaysia-ops-console-queue-depth", CancellationToken.None);
            last = readings is null ? (null, null) : (readings.Sum(r => r.Messages), readings.Sum(r => r.Consumers));
        }
        finally
        {
            asking.Release();
        }
    }

    public void Dispose() => asking.Dispose();
}
