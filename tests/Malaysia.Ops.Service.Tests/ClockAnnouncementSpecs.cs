using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Messaging.RunClock;
using Malaysia.Ops.ServiceDefaults.Configuration;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// Dispatch announces the run's clock on a timer and again at once when a presenter pauses it
/// or changes its speed. The two can overtake each other on the way; a follower must never take
/// the older one and so undo the pause.
/// </summary>
public sealed class ClockAnnouncementSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WallStart = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly SimulationOptions Run = new() { RunId = "run-1", Seed = 42 };

    [Fact]
    public void An_announcement_made_before_a_pause_is_stale_to_a_follower_that_has_the_pause()
    {
        var wall = new SteppedWall(WallStart);
        var owner = new SimulationClock(Epoch, 60, wall);
        owner.Start(WallStart);
        wall.Now = WallStart.AddSeconds(10);
        var periodic = ClockAnnouncer.Announcement(owner, Run);
        wall.Now = WallStart.AddSeconds(11);
        owner.Pause();
        var pause = ClockAnnouncer.Announcement(owner, Run);

        var follower = new SimulationClock(Epoch, 60, wall);
        Assert.False(SimulationClockFollower.IsStale(follower.Setting, pause));
        follower.Synchronise(pause.Epoch, pause.WallAnchor, pause.Speed, pause.SimulatedAnchor, pause.Paused);

        Assert.True(SimulationClockFollower.IsStale(follower.Setting, periodic));
        Assert.False(SimulationClockFollower.IsStale(follower.Setting, pause));
        Assert.True(pause.Paused);
        Assert.Equal(Epoch.AddMinutes(11), pause.SimulatedAnchor);
        wall.Now = WallStart.AddMinutes(5);
        Assert.Equal(Epoch.AddMinutes(11), follower.GetUtcNow());
    }

    [Fact]
    public void An_announcement_reads_the_clock_setting_as_one()
    {
        var wall = new SteppedWall(WallStart);
        var owner = new SimulationClock(Epoch, 60, wall);
        owner.Start(WallStart);
        wall.Now = WallStart.AddSeconds(30);
        owner.ChangeSpeed(120);

        var announced = ClockAnnouncer.Announcement(owner, Run);

        Assert.Equal((WallStart.AddSeconds(30), Epoch.AddMinutes(30), 120d, false), (announced.WallAnchor, announced.SimulatedAnchor!.Value, announced.Speed, announced.Paused));
    }

    /// <summary>A wall clock the test moves by hand.</summary>
    private sealed class SteppedWall(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
