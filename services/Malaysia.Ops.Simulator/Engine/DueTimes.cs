namespace Malaysia.Ops.Simulator.Engine;

/// <summary>
/// When each of the run's loops (by number) is next due, earliest first and, of loops due at
/// one instant, the lower number first, as the bus's virtual-time driver rings the older alarm
/// first. A loop has at most one due time: setting another leaves the old entry in the queue,
/// marked stale by the loop's version, and skipped when it comes up.
/// </summary>
internal sealed class DueTimes
{
    private const long NotDue = long.MaxValue;

    private readonly PriorityQueue<(int Loop, int Version), (long Ticks, int Loop)> queue = new();
    private readonly int[] versions;
    private readonly long[] due;

    public DueTimes(int loops)
    {
        versions = new int[loops];
        due = new long[loops];
        Array.Fill(due, NotDue);
    }

    /// <summary>When loop <paramref name="loop"/> is next due; null when never.</summary>
    public DateTimeOffset? Of(int loop) => due[loop] == NotDue ? null : new DateTimeOffset(due[loop], TimeSpan.Zero);

    /// <summary>Loop <paramref name="loop"/> is next due at <paramref name="at"/>; never when null.</summary>
    public void Set(int loop, DateTimeOffset? at)
    {
        var ticks = at?.UtcTicks ?? NotDue;
        if (due[loop] == ticks)
        {
            return;
        }

        due[loop] = ticks;
        var version = ++versions[loop];
        if (ticks != NotDue)
        {
            queue.Enqueue((loop, version), (ticks, loop));
        }
    }

    /// <summary>Takes the loop due first, if it is due by <paramref name="until"/>; it is then
    /// not due again until set.</summary>
    public bool TryTake(DateTimeOffset until, out int loop, out DateTimeOffset at)
    {
        while (queue.TryPeek(out var entry, out var key))
        {
            if (entry.Version != versions[entry.Loop])
            {
                queue.Dequeue();
                continue;
            }

            if (key.Ticks > until.UtcTicks)
            {
                break;
            }

            queue.Dequeue();
            due[entry.Loop] = NotDue;
            loop = entry.Loop;
            at = new DateTimeOffset(key.Ticks, TimeSpan.Zero);
            return true;
        }

        loop = -1;
        at = default;
        return false;
    }
}
