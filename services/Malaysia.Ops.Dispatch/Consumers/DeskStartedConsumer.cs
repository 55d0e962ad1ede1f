using Malaysia.Ops.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>A desk that (re)started holds nothing: the open work it owned is given out again,
/// so a desk killed mid-shift loses time, not incidents.</summary>
public sealed class DeskStartedConsumer(DispatchCoordinator coordinator, ILogger<DeskStartedConsumer> logger) : IConsumer<DeskStateReported>
{
    public async Task Consume(ConsumeContext<DeskStateReported> context)
    {
        if (!context.Message.Started)
        {
            return;
        }

        var assignments = coordinator.DeskStarted(context.Message.DeskId, context.Message.Instance, context.Message.SimulatedAt);
        if (assignments.Count > 0)
        {
            logger.LogWarning("The {Desk} desk restarted with nothing in hand: {Count} open incident(s) it owned given out again", context.Message.DeskId, assignments.Count);
        }

        foreach (var assignment in assignments)
        {
            await context.Publish(assignment, context.CancellationToken);
        }
    }
}
