using Malaysia.Ops.Clock;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>A presenter pauses, resumes and changes the speed of a running clock: simulated time
/// never jumps, stands still while paused, and sleeping loops re-time their sleeps.</summary>
public class ClockPacingSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 14, 23, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static (SimulationClock Clock, ManualWallClock Wall) Started(double speed)
    {
        var wall = new ManualWallClock(Wall);
        var clock = new SimulationClock(Epoch, speed, wall);
        clock.Start(Wall);
        return (clock, wall);
    }

    [Fact]
    public void Paused_time_stands_still_and_resumes_from_where_it_stopped()
    {
        var (clock, wall) = Started(60);
        wall.Now = Wall.AddSeconds(10);
        clock.Pause();

        wall.Now = Wall.AddMinutes(30);
        Assert.True(clock.IsPaused);
        Assert.Equal(Epoch.AddMinutes(10), clock.GetUtcNow());

        clock.Resume();
        wall.Now = Wall.AddMinutes(30).AddSeconds(5);
        Assert.False(clock.IsPaused);
        Assert.Equal(Epoch.AddMinutes(15), clock.GetUtcNow());
    }

    [Fact]
    public void A_new_speed_applies_from_the_instant_reached_without_a_jump()
    {
        var (clock, wall) = Started(60);
        wall.Now = Wall.AddSeconds(10);
        clock.ChangeSpeed(600);

        Assert.Equal(Epoch.AddMinutes(10), clock.GetUtcNow());
        wall.Now = Wall.AddSeconds(11);
        Assert.Equal(Epoch.AddMinutes(20), clock.GetUtcNow());
        Assert.Equal(600, clock.Speed);
    }

    [Fact]
    public async Task Timers_set_while_paused_never_fire_and_a_sleeping_loop_is_rung_on_every_change()
    {
        var (clock, wall) = Started(60);
        clock.Pause();
        clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        Assert.Equal(Timeout.InfiniteTimeSpan, wall.Timers[^1].DueTime);

        var alarm = clock.CreateAlarm("desk");
        var sleep = alarm.SleepUntilAsync(Epoch.AddHours(1), CancellationToken.None);
        Assert.False(sleep.IsCompleted);

        clock.Resume();

        Assert.True(await sleep.WaitAsync(TimeSpan.FromSeconds(10)), "the loop was rung to re-time its sleep");
    }

    [Fact]
    public void A_follower_adopts_a_paused_announcement_at_its_simulated_anchor()
    {
        var wall = new ManualWallClock(Wall.AddSeconds(30));
        var follower = new SimulationClock(Epoch, 60, wall);

        follower.Synchronise(Epoch, Wall.AddSeconds(20), 120, simulatedAnchor: Epoch.AddMinutes(20), paused: true);

        Assert.True(follower.IsPaused);
        Assert.Equal(Epoch.AddMinutes(20), follower.GetUtcNow());
        follower.Synchronise(Epoch, Wall.AddSeconds(30), 120, simulatedAnchor: Epoch.AddMinutes(20), paused: false);
        wall.Now = Wall.AddSeconds(31);
        Assert.Equal(Epoch.AddMinutes(22), follower.GetUtcNow());
    }

    [Fact]
    public void A_virtual_clock_cannot_be_paced()
    {
        var clock = SimulationClock.Virtual(Epoch);

        Assert.Throws<InvalidOperationException>(clock.Pause);
        Assert.Throws<InvalidOperationException>(() => clock.ChangeSpeed(10));
    }
}
