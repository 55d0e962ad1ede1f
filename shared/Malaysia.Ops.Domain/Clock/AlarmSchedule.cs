using System.Runtime.CompilerServices;

namespace Malaysia.Ops.Domain.Clock;

/// <summary>Plays a seeded stream of things due at simulated instants, such as incident arrivals
/// or workload events, each when its time comes.</summary>
public static class AlarmSchedule
{
    /// <summary>
    /// Each item of <paramref name="stream"/> (in time order) when the clock reaches its instant,
    /// sleeping on <paramref name="alarm"/> in between, up to <paramref name="until"/>. Items due
    /// more than <paramref name="catchUp"/> before now are skipped: a process that restarts carries
    /// on with the same stream instead of raising again all it raised before. Those due within
    /// <paramref name="catchUp"/> are played at once, so the few simulated minutes a process takes
    /// to start on a fast clock lose nothing; what they repeat, the consumers recognise by id.
    /// </summary>
    public static async IAsyncEnumerable<T> PlayAsync<T>(
        this Alarm alarm,
        SimulationClock clock,
        IEnumerable<T> stream,
        Func<T, DateTimeOffset> dueAt,
        DateTimeOffset? until,
        TimeSpan catchUp,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow() - catchUp;
        foreach (var item in stream)
        {
            var at = dueAt(item);
            if (until is { } end && at > end)
            {
                yield break;
            }

            if (at < startedAt)
            {
                continue;
            }

            while (clock.GetUtcNow() < at)
            {
                await alarm.SleepUntilAsync(at, cancellationToken);
            }

            yield return item;
        }
    }
}
