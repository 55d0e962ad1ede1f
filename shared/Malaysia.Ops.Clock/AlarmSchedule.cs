using System.Runtime.CompilerServices;

namespace Malaysia.Ops.Clock;

/// <summary>Plays a seeded stream of things due at simulated instants, such as incident arrivals
/// or workload events, each when its time comes.</summary>
public static class AlarmSchedule
{
    /// <summary>
    /// How far back a source that starts now still plays what was due: at least
    /// <paramref name="minimum"/> of simulated time, and everything that fell due during
    /// <paramref name="wallAllowance"/> of wall time at the clock's speed. A process takes
    /// seconds of wall time to start, longer on a busy machine, and on a fast clock those
    /// seconds are simulated hours: a window of simulated time alone would skip the first
    /// items of every run whose clock is fast enough.
    /// </summary>
    public static TimeSpan CatchUpWindow(SimulationClock clock, TimeSpan minimum, TimeSpan wallAllowance)
    {
        // Capped at the run's start, so a very fast clock does not reach before year 1, plus
        // the minimum: the caller reads the clock again a moment later, and an item due at the
        // very start must still be inside the window then.
        var sinceEpoch = Math.Max((clock.GetUtcNow() - clock.Epoch).Ticks, 0) + minimum.Ticks;
        var duringStartUp = Math.Max(wallAllowance.Ticks * clock.Speed, minimum.Ticks);
        return TimeSpan.FromTicks((long)Math.Min(duringStartUp, sinceEpoch));
    }

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
