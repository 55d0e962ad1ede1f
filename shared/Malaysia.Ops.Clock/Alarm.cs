namespace Malaysia.Ops.Clock;

/// <summary>
/// How a loop of the run sleeps in simulated time: until an instant, or until something rings
/// it early (new work for a desk, a handoff deadline that moved). A ring while the loop is awake
/// is kept, so the next sleep returns at once and no wake-up is lost between two sleeps.
/// </summary>
/// <remarks>
/// Alarms are what lets virtual time work: the clock's <see cref="RunActivity"/> knows which
/// loops are awake, and in virtual time the next instant is the earliest alarm due. A ring
/// marks the loop awake before it returns, so whoever rang it (a consumer, still inside its
/// receive) hands the run over to the loop with no quiet moment in between.
/// </remarks>
public sealed class Alarm : IDisposable
{
    private readonly SimulationClock clock;
    private readonly Lock gate = new();
    private TaskCompletionSource<bool>? sleeper;
    private bool rungWhileAwake;

    internal Alarm(SimulationClock clock, string name, long order)
    {
        this.clock = clock;
        Name = name;
        Order = order;
    }

    /// <summary>Names the loop in a stalled run's description.</summary>
    public string Name { get; }

    /// <summary>Creation order: of two alarms due at one instant the older rings first.</summary>
    internal long Order { get; }

    /// <summary>When the sleeping loop is due; null while awake or sleeping with no due time.</summary>
    internal DateTimeOffset? Due { get; private set; }

    /// <summary>Wakes the loop now (or makes its next sleep return at once).</summary>
    public void Ring() => Wake(rung: true);

    /// <summary>Sleeps until <paramref name="due"/> in simulated time (for ever when null) or
    /// until rung. True when it was rung, false when the time came.</summary>
    public async Task<bool> SleepUntilAsync(DateTimeOffset? due, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<bool> sleeping;
        lock (gate)
        {
            if (rungWhileAwake)
            {
                rungWhileAwake = false;
                return true;
            }

            if (due is { } at && at <= clock.GetUtcNow())
            {
                return false;
            }

            sleeping = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            sleeper = sleeping;
            Due = due;
            clock.Activity.Sleeping(this);
        }

        await using var cancelled = cancellationToken.Register(() => Wake(rung: true));
        using var timer = due is { } instant && !clock.IsVirtual
            ? clock.CreateTimer(_ => Wake(rung: false), null, WaitFor(instant), Timeout.InfiniteTimeSpan)
            : null;
        var rang = await sleeping.Task.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return rang;
    }

    /// <summary>The time has come (virtual time: called by the driver).</summary>
    internal void Fire() => Wake(rung: false);

    public void Dispose() => clock.Activity.Gone(this);

    private void Wake(bool rung)
    {
        TaskCompletionSource<bool>? sleeping;
        lock (gate)
        {
            sleeping = sleeper;
            if (sleeping is null)
            {
                rungWhileAwake |= rung;
                return;
            }

            sleeper = null;
            Due = null;
            // Awake before the sleeper runs: the run is never seen quiet in between.
            clock.Activity.Awake(this);
        }

        sleeping.TrySetResult(rung);
    }

    // A wall timer cannot be set more than about 49 days ahead. A longer sleep wakes early and
    // the loop, finding nothing due, sleeps again.
    private TimeSpan WaitFor(DateTimeOffset instant)
    {
        var wait = instant - clock.GetUtcNow();
        var longest = TimeSpan.FromDays(30 * Math.Min(1.0, clock.Speed));
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < longest ? wait : longest;
    }
}
