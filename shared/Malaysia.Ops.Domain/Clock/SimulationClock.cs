namespace Malaysia.Ops.Domain.Clock;

/// <summary>
/// The run's accelerated clock: simulated = epoch + (wall - wall anchor) x speed. Timers created
/// through it fire after the simulated delay divided by the speed, so <c>Task.Delay(span, clock)</c>,
/// Polly and every timer of the services run on simulated time.
/// Until the clock is started it stands still at the epoch: a process that joins a run waits for
/// the clock's owner (dispatch) to announce the anchor, so that all processes agree.
/// A virtual clock (<see cref="Virtual"/>) has no wall clock behind it: time stands still until
/// a <see cref="VirtualTimeDriver"/> moves it to the next instant a loop's <see cref="Alarm"/> is
/// due, once the run is quiet. Its "wall" time is the simulated time itself.
/// </summary>
public sealed class SimulationClock : TimeProvider
{
    private readonly TimeProvider wall;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private ClockSetting setting;
    private long alarmsCreated;

    public SimulationClock(DateTimeOffset epoch, double speed, TimeProvider? wall = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        this.wall = wall ?? System;
        setting = new ClockSetting(epoch.ToUniversalTime(), null, speed);
    }

    /// <summary>A clock in virtual time, started at <paramref name="epoch"/>.</summary>
    public static SimulationClock Virtual(DateTimeOffset epoch)
    {
        var clock = new SimulationClock(epoch, 1, new VirtualWall(epoch.ToUniversalTime()));
        clock.Start(epoch);
        return clock;
    }

    public DateTimeOffset Epoch => setting.Epoch;

    public bool IsVirtual => wall is VirtualWall;

    /// <summary>The run's loops and messages in flight; what virtual time waits for.</summary>
    public RunActivity Activity { get; } = new();

    /// <summary>An alarm for one loop of the run, awake until it first sleeps.</summary>
    public Alarm CreateAlarm(string name)
    {
        var alarm = new Alarm(this, name, Interlocked.Increment(ref alarmsCreated));
        Activity.Awake(alarm);
        return alarm;
    }

    /// <summary>Moves virtual time on to <paramref name="instant"/> (never back).</summary>
    internal void AdvanceTo(DateTimeOffset instant)
    {
        if (wall is not VirtualWall virtualWall)
        {
            throw new InvalidOperationException("Only a virtual clock can be moved on; this one follows the wall clock.");
        }

        virtualWall.AdvanceTo(instant);
    }

    public double Speed => setting.Speed;

    /// <summary>The wall instant at which simulated time was the epoch; null until started.</summary>
    public DateTimeOffset? WallAnchor => setting.WallAnchor;

    public bool IsStarted => setting.WallAnchor is not null;

    public Task Started => started.Task;

    public TimeProvider Wall => wall;

    /// <summary>Starts the clock with the given anchor (the wall instant that maps to the epoch).</summary>
    public void Start(DateTimeOffset wallAnchor) => Synchronise(setting.Epoch, wallAnchor, setting.Speed);

    /// <summary>Starts the clock now: the epoch is this very instant.</summary>
    public void StartNow() => Start(wall.GetUtcNow());

    /// <summary>Adopts the clock announced by the run's owner. Later announcements that agree
    /// change nothing; a changed anchor or speed (the owner restarted) is adopted.</summary>
    public void Synchronise(DateTimeOffset epoch, DateTimeOffset wallAnchor, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        lock (gate)
        {
            setting = new ClockSetting(epoch.ToUniversalTime(), wallAnchor.ToUniversalTime(), speed);
        }

        started.TrySetResult();
    }

    public override DateTimeOffset GetUtcNow()
    {
        var current = setting;
        if (current.WallAnchor is not { } anchor)
        {
            return current.Epoch;
        }

        var elapsedWallTicks = (wall.GetUtcNow() - anchor).Ticks;
        return current.Epoch.AddTicks((long)(elapsedWallTicks * current.Speed));
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    // Timestamps follow simulated time too, so elapsed-time measurements (Polly, Stopwatch-style
    // code given this provider) agree with GetUtcNow.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>How long a simulated span takes on the wall clock.</summary>
    public TimeSpan ToWall(TimeSpan simulated) => Scale(simulated, setting.Speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var speed = setting.Speed;
        return new ScaledTimer(wall.CreateTimer(callback, state, Scale(dueTime, speed), Scale(period, speed)), this);
    }

    private static TimeSpan Scale(TimeSpan simulated, double speed)
    {
        if (simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero)
        {
            return simulated;
        }

        // Never round a positive delay down to zero: a zero period would make a timer one-shot.
        return TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / speed)));
    }

    private sealed record ClockSetting(DateTimeOffset Epoch, DateTimeOffset? WallAnchor, double Speed);

    /// <summary>A wall timer whose changes are scaled by the clock's speed at the time of the
    /// change, so a timer rescheduled after the clock adopted a new speed follows it.</summary>
    private sealed class ScaledTimer(ITimer inner, SimulationClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Scale(dueTime, clock.Speed), Scale(period, clock.Speed));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
