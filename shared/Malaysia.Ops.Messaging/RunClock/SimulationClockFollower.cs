using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Messaging.RunClock;

/// <summary>Adopts the clock that dispatch announces, so a process that started later, or
/// restarted, agrees with the rest of the run on simulated time.</summary>
public sealed class SimulationClockFollower(SimulationClock clock, ILogger<SimulationClockFollower> logger) : IConsumer<SimulationClockAnnounced>
{
    public Task Consume(ConsumeContext<SimulationClockAnnounced> context)
    {
        var announced = context.Message;
        var simulatedAnchor = announced.SimulatedAnchor ?? announced.Epoch;
        var current = clock.Setting;

        // Announcements can overtake each other (the periodic one and the one a pause sends);
        // each change moves the wall anchor on, so one older than the clock's own is stale and
        // must not undo a pause or a change of speed.
        if (IsStale(current, announced))
        {
            logger.LogDebug("Stale clock announcement of run {RunId} ignored (anchor {Announced:O} before {Current:O})", announced.RunId, announced.WallAnchor, current.WallAnchor);
            return Task.CompletedTask;
        }

        var changed = current.WallAnchor != announced.WallAnchor || current.Speed != announced.Speed || current.Epoch != announced.Epoch
            || current.SimulatedAnchor != simulatedAnchor || current.Paused != announced.Paused;
        if (changed)
        {
            clock.Synchronise(announced.Epoch, announced.WallAnchor, announced.Speed, simulatedAnchor, announced.Paused);
            logger.LogInformation(
                "Simulated clock of run {RunId} adopted: epoch {Epoch:u}, speed {Speed}x{Paused}, now {Now:u}",
                announced.RunId,
                announced.Epoch,
                announced.Speed,
                announced.Paused ? " (paused)" : string.Empty,
                clock.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether an announcement is older than the setting the clock already follows.</summary>
    public static bool IsStale(ClockSetting current, SimulationClockAnnounced announced) =>
        current.WallAnchor is { } anchor && current.Epoch == announced.Epoch && announced.WallAnchor < anchor;
}
