using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Clock;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.ServiceDefaults.Clock;

/// <summary>Adopts the clock that dispatch announces, so a process that started later, or
/// restarted, agrees with the rest of the run on simulated time.</summary>
public sealed class SimulationClockFollower(SimulationClock clock, ILogger<SimulationClockFollower> logger) : IConsumer<SimulationClockAnnounced>
{
    public Task Consume(ConsumeContext<SimulationClockAnnounced> context)
    {
        var announced = context.Message;
        var simulatedAnchor = announced.SimulatedAnchor ?? announced.Epoch;
        var changed = clock.WallAnchor != announced.WallAnchor || clock.Speed != announced.Speed || clock.Epoch != announced.Epoch
            || clock.SimulatedAnchor != simulatedAnchor || clock.IsPaused != announced.Paused;
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
}
