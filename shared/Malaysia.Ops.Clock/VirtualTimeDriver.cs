namespace Malaysia.Ops.Clock;

/// <summary>
/// Runs a virtual clock: waits until the run is quiet, then jumps to the instant the earliest
/// alarm is due and rings that one alarm, and so on. One alarm at a time, oldest first among
/// alarms due together, so a run's events happen in the same order every time and the same
/// seed gives the same results.
/// </summary>
public sealed class VirtualTimeDriver(SimulationClock clock, TimeSpan stallAfter)
{
    /// <summary>Moves time on until <paramref name="until"/> or until <paramref name="done"/>
    /// holds while the run is quiet. Returns the simulated instant reached.</summary>
    /// <exception cref="TimeoutException">The run did not become quiet within the stall
    /// limit of wall time (a loop that never sleeps, or a message nobody consumes).</exception>
    public Task<DateTimeOffset> RunAsync(DateTimeOffset until, Func<bool>? done, CancellationToken cancellationToken) =>
        RunAsync(until, until, done, cancellationToken);

    /// <summary>Moves time on to <paramref name="until"/>, ringing only the alarms due before
    /// it: a run covers [start, end), so what falls due at its end is not in it.</summary>
    /// <exception cref="TimeoutException">The run did not become quiet within the stall limit.</exception>
    public Task<DateTimeOffset> RunBeforeAsync(DateTimeOffset until, CancellationToken cancellationToken) =>
        RunAsync(until.AddTicks(-1), until, done: null, cancellationToken);

    /// <summary>Rings the alarms due by <paramref name="lastDue"/>, then stands at
    /// <paramref name="until"/>.</summary>
    private async Task<DateTimeOffset> RunAsync(DateTimeOffset lastDue, DateTimeOffset until, Func<bool>? done, CancellationToken cancellationToken)
    {
        if (!clock.IsVirtual)
        {
            throw new InvalidOperationException("The clock follows the wall clock; only a virtual clock can be driven.");
        }

        while (true)
        {
            await QuietAsync(cancellationToken);
            if (done?.Invoke() == true)
            {
                return clock.GetUtcNow();
            }

            if (clock.Activity.NextDue() is not { Due: { } due } next || due > lastDue)
            {
                clock.AdvanceTo(until);
                await QuietAsync(cancellationToken);
                return clock.GetUtcNow();
            }

            clock.AdvanceTo(due);
            next.Fire();
        }
    }

    /// <summary>Waits until the run is quiet at the current instant.</summary>
    public async Task QuietAsync(CancellationToken cancellationToken)
    {
        try
        {
            await clock.Activity.WhenQuiet.WaitAsync(stallAfter, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"The run made no progress at {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z for {stallAfter.TotalSeconds:0} s of wall time ({clock.Activity.Describe()}).");
        }

        if (clock.Activity.UncountedDeliveries > 0)
        {
            throw new InvalidOperationException(
                $"{clock.Activity.UncountedDeliveries} message(s) were consumed without being counted as published: an endpoint consumes a message type it did not declare, so virtual time cannot tell when the run is quiet.");
        }
    }
}
