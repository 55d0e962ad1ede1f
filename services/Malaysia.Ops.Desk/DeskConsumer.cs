using System.Diagnostics;
using Malaysia.Ops.Contracts;
using MassTransit;

namespace Malaysia.Ops.Desk;

/// <summary>
/// What a desk hears: assignments, its shift ending, briefings, escalations of what it holds, and
/// requests for (and answers to) help between desks. Messages are published to every
/// desk; each takes only those addressed to it, so a new site needs configuration, not code.
/// One instance per desk, bound to that desk's runtime.
/// </summary>
public sealed class DeskConsumer(DeskRuntime desk) : IConsumer<IncidentAssigned>, IConsumer<ShiftEnding>, IConsumer<HandoffBriefing>, IConsumer<IncidentEscalated>,
    IConsumer<AssistRouted>, IConsumer<AssistProvided>
{
    public Task Consume(ConsumeContext<IncidentAssigned> context) =>
        IsMine(context.Message.DeskId) ? PublishAll(context, desk.Assigned(context.Message, CurrentTrace())) : Task.CompletedTask;

    public Task Consume(ConsumeContext<ShiftEnding> context) =>
        IsMine(context.Message.DeskId) ? PublishAll(context, desk.ShiftEnds(context.Message, CurrentTrace())) : Task.CompletedTask;

    public Task Consume(ConsumeContext<HandoffBriefing> context) =>
        IsMine(context.Message.ToDeskId) ? PublishAll(context, desk.Briefed(context.Message, CurrentTrace())) : Task.CompletedTask;

    /// <summary>An escalation concerns the desk that holds the incident: it passes it on or pages
    /// its on-call; the desk it goes to hears of it as an assignment from the holder.</summary>
    public Task Consume(ConsumeContext<IncidentEscalated> context) =>
        IsMine(context.Message.FromDeskId) ? PublishAll(context, desk.Escalated(context.Message, CurrentTrace())) : Task.CompletedTask;

    /// <summary>Another desk needs this one's help (or, when help must come from outside the
    /// operation, this desk waits for it).</summary>
    public Task Consume(ConsumeContext<AssistRouted> context) =>
        IsMine(context.Message.ProviderDeskId) ? PublishAll(context, desk.AssistRequested(context.Message, CurrentTrace())) : Task.CompletedTask;

    public Task Consume(ConsumeContext<AssistProvided> context) =>
        IsMine(context.Message.RequesterDeskId) ? PublishAll(context, desk.AssistArrived(context.Message)) : Task.CompletedTask;

    private bool IsMine(string deskId) => string.Equals(deskId, desk.DeskId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The trace of the message being consumed (MassTransit's consume span).</summary>
    private static ActivityContext CurrentTrace() => Activity.Current?.Context ?? default;

    private static async Task PublishAll(ConsumeContext context, IReadOnlyList<OutgoingMessage> messages)
    {
        foreach (var message in messages)
        {
            await message.PublishAsync(context, context.CancellationToken);
        }
    }
}
