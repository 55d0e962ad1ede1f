using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>
/// Dispatch owns the run's clock, so the console's pause, resume and speed requests come here:
/// applied to the clock and announced at once, so every process follows within one message. A
/// request that is not a valid clock change is refused to the error queue with the reason, and
/// the clock stays as it is.
/// </summary>
public sealed class ClockChangeConsumer(SimulationClock clock, DurableDispatch dispatch, IOptions<SimulationOptions> simulation, ILogger<ClockChangeConsumer> logger)
    : IConsumer<SimulationClockChangeRequested>
{
    public async Task Consume(ConsumeContext<SimulationClockChangeRequested> context)
    {
        var request = context.Message;
        InvalidMessageException.ThrowIfAny(nameof(SimulationClockChangeRequested), ClockChangeChecks.Problems(request));
        if (clock.IsVirtual)
        {
            logger.LogWarning("{RequestedBy} asked to {Change} the clock; a virtual-time run cannot be paced", request.RequestedBy, request.Change);
            return;
        }

        switch (request.Change)
        {
            case ClockChange.Pause:
                clock.Pause();
                break;
            case ClockChange.Resume:
                clock.Resume();
                break;
            case ClockChange.Speed:
                clock.ChangeSpeed(request.Speed!.Value);
                break;
        }

        dispatch.SaveClock(clock.Setting);
        logger.LogInformation("Clock {Change} by {RequestedBy}: {Now:u} at {Speed}x{Paused}", request.Change, request.RequestedBy, clock.GetUtcNow(), clock.Speed, clock.IsPaused ? " (paused)" : string.Empty);
        await context.Publish(ClockAnnouncer.Announcement(clock, simulation.Value), context.CancellationToken);
    }
}
