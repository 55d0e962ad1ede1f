using Malaysia.Ops.Clock;

namespace Malaysia.Ops.Domain.Tests;

public class SimulationClockSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WallAnchor = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Before_start_the_clock_stands_at_the_epoch()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 60, wall);

        Assert.False(clock.IsStarted);
        Assert.Null(clock.WallAnchor);
        Assert.Equal(Epoch, clock.GetUtcNow());

        wall.Now = WallAnchor.AddHours(5);
        Assert.Equal(Epoch, clock.GetUtcNow());
    }

    [Fact]
    public void Started_task_completes_only_when_the_clock_starts()
    {
        var clock = new SimulationClock(Epoch, 60, new ManualWallClock(WallAnchor));

        Assert.False(clock.Started.IsCompleted);

        clock.Start(WallAnchor);

        Assert.True(clock.Started.IsCompletedSuccessfully);
        Assert.True(clock.IsStarted);
        Assert.Equal(WallAnchor, clock.WallAnchor);
    }

    [Fact]
    public void After_start_simulated_time_is_epoch_plus_elapsed_wall_time_times_speed()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 60, wall);
        clock.Start(WallAnchor);

        Assert.Equal(Epoch, clock.GetUtcNow());

        wall.Now = WallAnchor.AddSeconds(90);
        Assert.Equal(Epoch.AddMinutes(90), clock.GetUtcNow());

        wall.Now = WallAnchor.AddMilliseconds(250);
        Assert.Equal(Epoch.AddSeconds(15), clock.GetUtcNow());
    }

    [Fact]
    public void Start_with_a_past_anchor_puts_the_clock_ahead_of_the_epoch()
    {
        var wall = new ManualWallClock(WallAnchor.AddMinutes(2));
        var clock = new SimulationClock(Epoch, 30, wall);

        clock.Start(WallAnchor);

        Assert.Equal(Epoch.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void StartNow_anchors_the_epoch_at_the_current_wall_instant()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 10, wall);

        clock.StartNow();
        wall.Now = WallAnchor.AddSeconds(6);

        Assert.Equal(WallAnchor, clock.WallAnchor);
        Assert.Equal(Epoch.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void Epoch_and_anchor_in_other_offsets_are_normalised_to_utc()
    {
        var localEpoch = new DateTimeOffset(2026, 1, 12, 8, 0, 0, TimeSpan.FromHours(8));
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(localEpoch, 1, wall);

        clock.Start(WallAnchor.ToOffset(TimeSpan.FromHours(-5)));

        Assert.Equal(TimeSpan.Zero, clock.Epoch.Offset);
        Assert.Equal(Epoch, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void ToWall_divides_a_simulated_span_by_the_speed()
    {
        var clock = new SimulationClock(Epoch, 600, new ManualWallClock(WallAnchor));

        Assert.Equal(TimeSpan.FromMilliseconds(100), clock.ToWall(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(6), clock.ToWall(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.Zero, clock.ToWall(TimeSpan.Zero));
        Assert.Equal(Timeout.InfiniteTimeSpan, clock.ToWall(Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void ToWall_never_rounds_a_positive_span_down_to_zero()
    {
        var clock = new SimulationClock(Epoch, 1_000_000, new ManualWallClock(WallAnchor));

        Assert.Equal(TimeSpan.FromTicks(1), clock.ToWall(TimeSpan.FromTicks(10)));
    }

    [Fact]
    public void Synchronise_adopts_a_new_epoch_anchor_and_speed()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 60, wall);
        clock.Start(WallAnchor);

        var newEpoch = Epoch.AddDays(1);
        var newAnchor = WallAnchor.AddMinutes(10);
        clock.Synchronise(newEpoch, newAnchor, 120);
        wall.Now = newAnchor.AddSeconds(30);

        Assert.Equal(newEpoch, clock.Epoch);
        Assert.Equal(newAnchor, clock.WallAnchor);
        Assert.Equal(120, clock.Speed);
        Assert.Equal(newEpoch.AddHours(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(30), clock.ToWall(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_timer_rescheduled_after_the_speed_changed_follows_the_new_speed()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 60, wall);
        clock.Start(WallAnchor);
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        clock.Synchronise(Epoch, WallAnchor, 120);
        timer.Change(TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        Assert.Equal(TimeSpan.FromMilliseconds(500), wall.Timers[0].DueTime);
    }

    [Fact]
    public void Synchronise_starts_a_clock_that_was_waiting_for_its_owner()
    {
        var wall = new ManualWallClock(WallAnchor.AddSeconds(1));
        var clock = new SimulationClock(Epoch, 60, wall);

        clock.Synchronise(Epoch, WallAnchor, 60);

        Assert.True(clock.Started.IsCompletedSuccessfully);
        Assert.Equal(Epoch.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void An_agreeing_announcement_changes_nothing()
    {
        var wall = new ManualWallClock(WallAnchor.AddSeconds(10));
        var clock = new SimulationClock(Epoch, 60, wall);
        clock.Start(WallAnchor);
        var before = clock.GetUtcNow();

        clock.Synchronise(Epoch, WallAnchor, 60);

        Assert.Equal(before, clock.GetUtcNow());
        Assert.Equal(Epoch.AddMinutes(10), before);
    }

    [Fact]
    public void Speed_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationClock(Epoch, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationClock(Epoch, -1));

        var clock = new SimulationClock(Epoch, 1, new ManualWallClock(WallAnchor));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Synchronise(Epoch, WallAnchor, 0));
        Assert.False(clock.IsStarted);
    }

    [Fact]
    public void CreateTimer_asks_the_wall_clock_for_the_simulated_delay_divided_by_the_speed()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 600, wall);
        clock.Start(WallAnchor);

        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(2));

        var recorded = Assert.Single(wall.Timers);
        Assert.Equal(TimeSpan.FromMilliseconds(100), recorded.DueTime);
        Assert.Equal(TimeSpan.FromMilliseconds(200), recorded.Period);
    }

    [Fact]
    public void CreateTimer_passes_infinite_and_zero_spans_through_unscaled()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 600, wall);

        using var oneShot = clock.CreateTimer(_ => { }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        using var idle = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        Assert.Equal(TimeSpan.Zero, wall.Timers[0].DueTime);
        Assert.Equal(Timeout.InfiniteTimeSpan, wall.Timers[0].Period);
        Assert.Equal(Timeout.InfiniteTimeSpan, wall.Timers[1].DueTime);
        Assert.Equal(Timeout.InfiniteTimeSpan, wall.Timers[1].Period);
    }

    [Fact]
    public void Changing_a_timer_scales_the_new_spans_too()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 600, wall);
        using var timer = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        Assert.True(timer.Change(TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)));

        var recorded = Assert.Single(wall.Timers);
        Assert.Equal(TimeSpan.FromSeconds(1), recorded.DueTime);
        Assert.Equal(TimeSpan.FromSeconds(6), recorded.Period);
    }

    [Fact]
    public void A_timer_runs_its_callback_with_its_state_and_disposes_the_wall_timer()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 600, wall);
        object? received = null;
        var state = new object();

        var timer = clock.CreateTimer(s => received = s, state, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        var recorded = Assert.Single(wall.Timers);
        recorded.Fire();
        timer.Dispose();

        Assert.Same(state, received);
        Assert.True(recorded.Disposed);
    }

    [Fact]
    public void Timestamps_follow_simulated_time()
    {
        var wall = new ManualWallClock(WallAnchor);
        var clock = new SimulationClock(Epoch, 60, wall);
        clock.Start(WallAnchor);

        var start = clock.GetTimestamp();
        wall.Now = WallAnchor.AddSeconds(2);

        Assert.Equal(TimeSpan.FromMinutes(2), clock.GetElapsedTime(start));
        Assert.Equal(TimeZoneInfo.Utc, clock.LocalTimeZone);
    }
}
