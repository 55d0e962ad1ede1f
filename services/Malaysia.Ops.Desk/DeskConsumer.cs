using Malaysia.Ops.Contracts;
using MassTransit;

namespace Malaysia.Ops.Desk;

/// <summary>
/// What a desk hears: assignments, its shift ending, briefings. Messages are published to every
/// desk; each takes only those addressed to it, so a new site needs configuration, not code.
/// One instance per desk, bound to that desk's runtime.
/// </summary>
public sealed class DeskConsumer(DeskRuntime desk) : IConsumer<IncidentAssigned>, IConsumer<ShiftEnding>, IConsumer<HandoffBriefing>
{
    public Task Consume(ConsumeContext<IncidentAssigned> context) =>
        IsMine(context.Message.DeskId) ? PublishAll(context, desk.Assigned(context.Message)) : Task.CompletedTask;

    public Task Consume(ConsumeContext<ShiftEnding> context) =>
        IsMine(context.Message.DeskId) ? PublishAll(context, desk.ShiftEnds(context.Message)) : Task.CompletedTask;

    public Task Consume(ConsumeContext<HandoffBriefing> context) =>
        IsMine(context.Message.ToDeskId) ? PublishAll(context, desk.Briefed(context.Message)) : Task.CompletedTask;

    private bool IsMine(string deskId) => string.Equals(deskId, desk.DeskId, StringComparison.OrdinalIgnoreCase);

    private static async Task PublishAll(ConsumeContext context, IReadOnlyList<IOpsMessage> messages)
    {
        // Published through the consume context so that each follows the trace of the message
        // that caused it.
        foreach (var message in messages)
        {
            await context.Publish(message, message.GetType());
        }
    }
}
