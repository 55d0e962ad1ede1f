using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Domain.Clock;
using Malaysia.Ops.ServiceDefaults.Configuration;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>
/// Dispatch owns the run's clock, so the console's pause, resume and speed requests come here:
/// applied to the clock and announced at once, so every process follows within one message.
/// </summary>
public sealed class ClockChangeConsumer(SimulationClock clock, DurableDispatch dispatch, IOptions<SimulationOptions> simulation, ILogger<ClockChangeConsumer> logger)
    : IConsumer<SimulationClockChangeRequested>
{
    public async Task Consume(ConsumeContext<SimulationClockChangeRequested> context)
    {
        var request = context.Message;
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
            case ClockChange.Speed when request.Speed is > 0 and var speed && double.IsFinite(speed):
                clock.ChangeSpeed(speed);
                break;
            default:
                // A bad request is the sender's mistake: say so, and keep the clock as it is.
                logger.LogWarning("Clock change {Change} from {RequestedBy} ignored: speed {Speed} is not a positive number", request.Change, request.RequestedBy, request.Speed);
                return;
        }

        dispatch.SaveClock(clock.Setting);
        logger.LogInformation("Clock {Change} by {RequestedBy}: {Now:u} at {Speed}x{Paused}", request.Change, request.RequestedBy, clock.GetUtcNow(), clock.Speed, clock.IsPaused ? " (paused)" : string.Empty);
        await context.Publish(ClockAnnouncer.Announcement(clock, simulation.Value), context.CancellationToken);
    }
}
