namespace Malaysia.Ops.Clock;

/// <summary>
/// The run's accelerated clock: simulated = epoch + (wall - wall anchor) x speed. Timers created
/// through it fire after the simulated delay divided by the speed, so <c>Task.Delay(span, clock)</c>,
/// Polly and every timer of the services run on simulated time.
/// Until the clock is started it stands still at the epoch: a process that joins a run waits for
/// the clock's owner (dispatch) to announce the anchor, so that all processes agree.
/// A virtual clock (<see cref="Virtual"/>) has no wall clock behind it: time stands still until
/// a <see cref="VirtualTimeDriver"/> moves it to the next instant a loop's <see cref="Alarm"/> is
/// due, once the run is quiet. Its "wall" time is the simulated time itself.
/// A running clock can be paused, resumed and given another speed (a presenter at the console):
/// each change re-anchors it at the simulated instant it had reached, so time never jumps, and
/// rings every loop's alarm so that each sleeps again for the wall time the new pace needs.
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
        setting = new ClockSetting(epoch.ToUniversalTime(), epoch.ToUniversalTime(), null, speed, Paused: false);
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

    /// <summary>Moves virtual time on to <paramref name="instant"/> (never back): the
    /// <see cref="VirtualTimeDriver"/>, or an engine that runs the services' decisions itself.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (wall is not VirtualWall virtualWall)
        {
            throw new InvalidOperationException("Only a virtual clock can be moved on; this one follows the wall clock.");
        }

        virtualWall.AdvanceTo(instant);
    }

    public double Speed => setting.Speed;

    /// <summary>Stopped at <see cref="SimulatedAnchor"/> until resumed.</summary>
    public bool IsPaused => setting.Paused;

    /// <summary>The simulated instant that <see cref="WallAnchor"/> maps to: the epoch until the
    /// clock is paused, resumed or given another speed, then the instant of that change.</summary>
    public DateTimeOffset SimulatedAnchor => setting.SimulatedAnchor;

    /// <summary>The wall instant at which simulated time was the epoch; null until started.</summary>
    public DateTimeOffset? WallAnchor => setting.WallAnchor;

    /// <summary>Epoch, anchors, speed and pause read together (each property above reads them
    /// one at a time, and a presenter may change the pace in between).</summary>
    public ClockSetting Setting => setting;

    public bool IsStarted => setting.WallAnchor is not null;

    public Task Started => started.Task;

    public TimeProvider Wall => wall;

    /// <summary>Starts the clock with the given anchor (the wall instant that maps to the epoch).</summary>
    public void Start(DateTimeOffset wallAnchor) => Synchronise(setting.Epoch, wallAnchor, setting.Speed);

    /// <summary>Stops simulated time where it is; timers set while paused never fire.</summary>
    public void Pause() => Rebase(speed: null, paused: true);

    /// <summary>Lets simulated time run on from where it was paused.</summary>
    public void Resume() => Rebase(speed: null, paused: false);

    /// <summary>Runs on at <paramref name="speed"/> simulated seconds per wall second from now.</summary>
    public void ChangeSpeed(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        Rebase(speed, paused: null);
    }

    private void Rebase(double? speed, bool? paused)
    {
        if (IsVirtual)
        {
            throw new InvalidOperationException("A virtual clock moves only when the run is quiet; it cannot be paused or sped up.");
        }

        lock (gate)
        {
            var now = GetUtcNow();
            setting = setting with
            {
                SimulatedAnchor = now,
                WallAnchor = wall.GetUtcNow(),
                Speed = speed ?? setting.Speed,
                Paused = paused ?? setting.Paused,
            };
        }

        started.TrySetResult();
        Activity.RingAll();
    }

    /// <summary>Starts the clock now: the epoch is this very instant.</summary>
    public void StartNow() => Start(wall.GetUtcNow());

    /// <summary>Adopts the clock announced by the run's owner. Later announcements that agree
    /// change nothing; a changed anchor, speed or pause (the owner restarted, or a presenter
    /// changed the pace) is adopted, and every sleeping loop re-times its sleep.
    /// <paramref name="simulatedAnchor"/> is the simulated instant at <paramref name="wallAnchor"/>
    /// (the epoch when null).</summary>
    public void Synchronise(DateTimeOffset epoch, DateTimeOffset wallAnchor, double speed, DateTimeOffset? simulatedAnchor = null, bool paused = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var adopted = new ClockSetting(epoch.ToUniversalTime(), (simulatedAnchor ?? epoch).ToUniversalTime(), wallAnchor.ToUniversalTime(), speed, paused);
        bool changed;
        lock (gate)
        {
            changed = setting != adopted;
            setting = adopted;
        }

        started.TrySetResult();
        if (changed)
        {
            Activity.RingAll();
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        var current = setting;
        if (current.WallAnchor is not { } anchor || current.Paused)
        {
            return current.SimulatedAnchor;
        }

        var elapsedWallTicks = (wall.GetUtcNow() - anchor).Ticks;
        return current.SimulatedAnchor.AddTicks((long)(elapsedWallTicks * current.Speed));
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
        var current = setting;
        return new ScaledTimer(wall.CreateTimer(callback, state, Scale(dueTime, current), Scale(period, current)), this);
    }

    private static TimeSpan Scale(TimeSpan simulated, ClockSetting current) =>
        current.Paused ? Timeout.InfiniteTimeSpan : Scale(simulated, current.Speed);

    private static TimeSpan Scale(TimeSpan simulated, double speed)
    {
        if (simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero)
        {
            return simulated;
        }

        // Never round a positive delay down to zero: a zero period would make a timer one-shot.
        return TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / speed)));
    }

    /// <summary>A wall timer whose changes are scaled by the clock's speed at the time of the
    /// change, so a timer rescheduled after the clock adopted a new speed follows it.</summary>
    private sealed class ScaledTimer(ITimer inner, SimulationClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Scale(dueTime, clock.setting), Scale(period, clock.setting));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
