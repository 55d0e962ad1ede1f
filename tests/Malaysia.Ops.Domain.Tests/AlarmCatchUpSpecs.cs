using Malaysia.Ops.Clock;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>A source (the incident stream, the workloads) that starts after the run's clock did
/// still plays what fell due while it was starting, however fast the clock runs, and a restarted
/// one does not play the whole run again.</summary>
public class AlarmCatchUpSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfAnHour = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan AMinute = TimeSpan.FromMinutes(1);

    private static SimulationClock StartedAgo(double speed, TimeSpan wallAgo)
    {
        var wall = new ManualWallClock(Wall);
        var clock = new SimulationClock(Epoch, speed, wall);
        clock.Start(Wall);
        wall.Now = Wall + wallAgo;
        return clock;
    }

    [Fact]
    public void A_source_starting_five_wall_seconds_late_on_a_fast_clock_plays_the_run_from_its_first_item()
    {
        // 720x: five seconds of start-up are an hour of simulated time, twice the minimum window.
        var clock = StartedAgo(720, TimeSpan.FromSeconds(5));
        var due = new[] { Epoch.AddMinutes(6), Epoch.AddMinutes(20), Epoch.AddMinutes(59) };

        var played = Play(clock, due, AlarmSchedule.CatchUpWindow(clock, HalfAnHour, AMinute));

        Assert.Equal(due, played);
    }

    [Fact]
    public void A_source_restarting_deep_into_a_run_skips_what_fell_due_before_its_minute_of_start_up()
    {
        // 60x for two wall hours: 120 simulated hours in; a minute of wall time is an hour.
        var clock = StartedAgo(60, TimeSpan.FromHours(2));
        var now = clock.GetUtcNow();
        var due = new[] { now.AddHours(-3), now.AddMinutes(-61), now.AddMinutes(-59), now.AddMinutes(-1) };

        var window = AlarmSchedule.CatchUpWindow(clock, HalfAnHour, AMinute);
        var played = Play(clock, due, window);

        Assert.Equal(TimeSpan.FromHours(1), window);
        Assert.Equal(due[2..], played);
    }

    [Fact]
    public void On_a_slow_clock_the_window_is_the_minimum_and_it_reaches_no_further_back_than_the_run_began()
    {
        Assert.Equal(HalfAnHour, AlarmSchedule.CatchUpWindow(StartedAgo(1, TimeSpan.FromHours(3)), HalfAnHour, AMinute));

        var fast = StartedAgo(1_000_000, TimeSpan.FromSeconds(10));
        Assert.Equal(fast.GetUtcNow() - Epoch + HalfAnHour, AlarmSchedule.CatchUpWindow(fast, HalfAnHour, TimeSpan.FromDays(365)));
    }

    /// <summary>The items played at once (all are due by now), in order.</summary>
    private static List<DateTimeOffset> Play(SimulationClock clock, IEnumerable<DateTimeOffset> due, TimeSpan catchUp)
    {
        using var alarm = clock.CreateAlarm("test");
        var played = new List<DateTimeOffset>();
        var playing = Task.Run(async () =>
        {
            await foreach (var at in alarm.PlayAsync(clock, due, d => d, until: null, catchUp, CancellationToken.None))
            {
                played.Add(at);
            }
        });
        Assert.True(playing.Wait(TimeSpan.FromSeconds(10)), "items already due were not played at once");
        return played;
    }
}
