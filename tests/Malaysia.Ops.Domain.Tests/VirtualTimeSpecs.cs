using Malaysia.Ops.Clock;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Virtual time: alarms, the run's activity, and the driver that moves the clock.</summary>
public class VirtualTimeSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_clock_jumps_to_each_due_alarm_in_turn_and_stops_at_the_limit()
    {
        var clock = SimulationClock.Virtual(Epoch);
        var woke = new List<(string Loop, DateTimeOffset At)>();
        using var early = clock.CreateAlarm("early");
        using var late = clock.CreateAlarm("late");
        var loops = Task.WhenAll(
            Loop(clock, early, woke, [Epoch.AddMinutes(5), Epoch.AddHours(2)]),
            Loop(clock, late, woke, [Epoch.AddMinutes(30)]));

        var reached = await new VirtualTimeDriver(clock, StallLimit).RunAsync(Epoch.AddHours(1), done: null, CancellationToken.None);

        Assert.Equal(Epoch.AddHours(1), reached);
        Assert.Equal([("early", Epoch.AddMinutes(5)), ("late", Epoch.AddMinutes(30))], woke);
        Assert.False(loops.IsCompleted);
    }

    [Fact]
    public async Task Alarms_due_at_one_instant_ring_one_at_a_time_the_oldest_first()
    {
        var clock = SimulationClock.Virtual(Epoch);
        var woke = new List<(string Loop, DateTimeOffset At)>();
        var alarms = Enumerable.Range(1, 5).Select(i => clock.CreateAlarm($"loop {i}")).ToList();
        alarms.ForEach(alarm => _ = Loop(clock, alarm, woke, [Epoch.AddHours(1)], work: TimeSpan.FromMilliseconds(20)));

        await new VirtualTimeDriver(clock, StallLimit).RunAsync(Epoch.AddHours(2), done: null, CancellationToken.None);

        Assert.Equal(alarms.SelectMany(a => new[] { ($"{a.Name} begins", Epoch.AddHours(1)), (a.Name, Epoch.AddHours(1)) }), woke);
        alarms.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task A_ring_while_the_loop_is_awake_is_kept_for_its_next_sleep()
    {
        var clock = SimulationClock.Virtual(Epoch);
        using var alarm = clock.CreateAlarm("desk");

        alarm.Ring();

        Assert.True(await alarm.SleepUntilAsync(Epoch.AddDays(1), CancellationToken.None).WaitAsync(StallLimit));
        Assert.Equal(Epoch, clock.GetUtcNow());
    }

    [Fact]
    public async Task A_ring_wakes_a_sleeping_loop_and_counts_it_awake_at_once()
    {
        var clock = SimulationClock.Virtual(Epoch);
        using var alarm = clock.CreateAlarm("desk");
        var sleeping = alarm.SleepUntilAsync(null, CancellationToken.None);
        Assert.True(clock.Activity.IsQuiet);

        alarm.Ring();

        Assert.False(clock.Activity.IsQuiet);
        Assert.True(await sleeping.WaitAsync(StallLimit));
    }

    [Fact]
    public async Task Time_does_not_move_while_messages_are_in_flight()
    {
        var clock = SimulationClock.Virtual(Epoch);
        using var alarm = clock.CreateAlarm("workload");
        _ = Loop(clock, alarm, [], [Epoch.AddMinutes(10)]);
        clock.Activity.Published(consumers: 2);

        var driving = new VirtualTimeDriver(clock, StallLimit).RunAsync(Epoch.AddHours(1), done: null, CancellationToken.None);
        await Task.Delay(50);
        Assert.Equal(Epoch, clock.GetUtcNow());
        clock.Activity.Consumed();
        await Task.Delay(50);
        Assert.Equal(Epoch, clock.GetUtcNow());
        clock.Activity.Consumed();

        await driving.WaitAsync(StallLimit);
        Assert.Equal(Epoch.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task A_loop_that_never_sleeps_stalls_the_run_with_its_name()
    {
        var clock = SimulationClock.Virtual(Epoch);
        using var alarm = clock.CreateAlarm("busy desk");

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            new VirtualTimeDriver(clock, TimeSpan.FromMilliseconds(100)).RunAsync(Epoch.AddHours(1), done: null, CancellationToken.None));

        Assert.Contains("awake: busy desk", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-07-13 00:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumed_message_nobody_counted_is_reported_instead_of_trusting_quiet()
    {
        var clock = SimulationClock.Virtual(Epoch);

        clock.Activity.Consumed();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new VirtualTimeDriver(clock, StallLimit).RunAsync(Epoch.AddHours(1), done: null, CancellationToken.None));
        Assert.Contains("did not declare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_driver_stops_as_soon_as_the_condition_holds_in_a_quiet_moment()
    {
        var clock = SimulationClock.Virtual(Epoch);
        var woke = new List<(string Loop, DateTimeOffset At)>();
        using var alarm = clock.CreateAlarm("workload");
        _ = Loop(clock, alarm, woke, [Epoch.AddMinutes(1), Epoch.AddMinutes(2), Epoch.AddMinutes(3)]);

        var reached = await new VirtualTimeDriver(clock, StallLimit).RunAsync(Epoch.AddDays(1), () => woke.Count == 2, CancellationToken.None);

        Assert.Equal(Epoch.AddMinutes(2), reached);
    }

    [Fact]
    public async Task On_the_wall_clock_an_alarm_sleeps_on_a_timer_scaled_by_the_speed()
    {
        var wall = new ManualWallClock(Epoch);
        var clock = new SimulationClock(Epoch, 60, wall);
        clock.Start(Epoch);
        using var alarm = clock.CreateAlarm("desk");

        var sleeping = alarm.SleepUntilAsync(Epoch.AddMinutes(30), CancellationToken.None);
        var timer = Assert.Single(wall.Timers);
        Assert.Equal(TimeSpan.FromSeconds(30), timer.DueTime);
        timer.Fire();

        Assert.False(await sleeping.WaitAsync(StallLimit));
    }

    [Fact]
    public void A_virtual_clock_refuses_timers_so_no_wait_goes_unseen()
    {
        var clock = SimulationClock.Virtual(Epoch);

        Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan));
    }

    private static async Task Loop(SimulationClock clock, Alarm alarm, List<(string, DateTimeOffset)> woke, DateTimeOffset[] dues, TimeSpan? work = null)
    {
        foreach (var due in dues)
        {
            // True means rung early; these loops only wait for their time.
            while (await alarm.SleepUntilAsync(due, CancellationToken.None))
            {
            }

            if (work is { } pause)
            {
                // Slow work: other alarms due at this instant must wait for it to finish.
                lock (woke)
                {
                    woke.Add(($"{alarm.Name} begins", clock.GetUtcNow()));
                }

                await Task.Delay(pause);
            }

            lock (woke)
            {
                woke.Add((alarm.Name, clock.GetUtcNow()));
            }
        }

        await alarm.SleepUntilAsync(null, CancellationToken.None);
    }
}
