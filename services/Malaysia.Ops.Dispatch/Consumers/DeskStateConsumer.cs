using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>A desk's report of its process. Every report says the desk is alive; a desk that
/// (re)started holds nothing, so the open work it owned is given out again, and a desk killed
/// mid-shift loses time, not incidents.</summary>
public sealed class DeskStateConsumer(DurableDispatch dispatch, DeskLiveness liveness, ILogger<DeskStateConsumer> logger) : IConsumer<DeskStateReported>
{
    public async Task Consume(ConsumeContext<DeskStateReported> context)
    {
        liveness.Heard(context.Message.DeskId);
        if (!context.Message.Started)
        {
            // A heartbeat changes nothing in the ledger, so it is not stored either.
            return;
        }

        var entry = dispatch.Apply(context.Message, context.MessageId?.ToString("N"));
        if (entry.Outputs.Count > 0)
        {
            logger.LogWarning("The {Desk} desk restarted with nothing in hand: {Count} open incident(s) it owned given out again", context.Message.DeskId, entry.Outputs.Count);
        }

        await dispatch.PublishAsync(entry, context, context.CancellationToken);
    }
}
