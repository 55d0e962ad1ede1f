using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Clock;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>A desk's report of its process. Every report says the desk is alive; a desk that
/// (re)started holds nothing, so the open work it owned is given out again, and a desk killed
/// mid-shift loses time, not incidents; so does a hot standby made active when the desk's active
/// process dies. A desk reporting from two active processes at once has its work split between
/// them: that is logged as an error.</summary>
public sealed class DeskStateConsumer(
    DurableDispatch dispatch,
    DeskLiveness liveness,
    DeskProcesses processes,
    SimulationClock clock,
    ILogger<DeskStateConsumer> logger) : IConsumer<DeskStateReported>
{
    public async Task Consume(ConsumeContext<DeskStateReported> context)
    {
        var report = context.Message;
        liveness.Heard(report.DeskId);

        // When the desk sent it (MassTransit stamps UTC), not when it was consumed: a backlog
        // must not make a restarted desk's last reports look like a second process.
        var heardAt = clock.Wall.GetUtcNow();
        var sentAt = context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : heardAt;
        if (processes.SecondLiveProcess(report.DeskId, report.Instance, sentAt, heardAt) is { } other)
        {
            logger.LogError(
                "The {Desk} desk reports from two active processes at once ({Instance} and {Other}): a desk is one team's model in one active process, and these each hold part of its work. Run its processes with Desk:HotStandby, so its queue has a single active consumer, and restart a process that lost the queue",
                report.DeskId,
                report.Instance,
                other);
        }

        if (!report.Started)
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
