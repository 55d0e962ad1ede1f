using System.Diagnostics;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Messaging.Senders;
using MassTransit;

namespace Malaysia.Ops.Desk;

/// <summary>
/// What a desk hears: assignments, its shift ending, briefings, escalations of what it holds,
/// requests for (and answers to) help between desks, and the console's controls. Messages are
/// published to every desk (assignments, on RabbitMQ, only to the desk they name:
/// <c>AssignmentRouting</c>); each desk takes only those addressed to it, so a new site needs
/// configuration, not code. One instance per desk, bound to that desk's process. On RabbitMQ a
/// message addressed to this desk from a broker user that may not send it is refused
/// (<see cref="DeskSenders"/>).
/// </summary>
public sealed class DeskConsumer(DeskProcess desk, MessageRefusals refusals, BrokerUsers users) : IConsumer<IncidentAssigned>, IConsumer<ShiftEnding>, IConsumer<HandoffBriefing>, IConsumer<IncidentEscalated>,
    IConsumer<AssistRouted>, IConsumer<AssistProvided>, IConsumer<DeskFaultInjected>, IConsumer<DeskRehearsalModeSet>, IConsumer<HandoffItemDecided>,
    IConsumer<DeskStandbyProbe>, IConsumer<HandoffBriefingWritten>
{
    private readonly EscalationHandOns handOns = new();

    public Task Consume(ConsumeContext<IncidentAssigned> context)
    {
        if (!IsMine(DeskAddress.Of(context.Message)))
        {
            return Task.CompletedTask;
        }

        // What is wrong with the assignment itself is said first, whoever sent it.
        var assigned = Checked(context.Message);
        var sender = MessageSender.Of(context);
        // Dispatch's own assignments, nearly all of them, need no look for an escalation.
        if (sender.BrokerUser != users.Dispatch && !handOns.MayPassOn(assigned.IncidentId, sender.BrokerUser, users))
        {
            if (sender.BrokerUser is { } user && users.IsDeskUser(user) && user != users.Dispatch)
            {
                // The escalation comes from dispatch, the hand-on from the holder: it may be behind.
                throw refusals.RefuseUnlessRetried(
                    context,
                    nameof(IncidentAssigned),
                    MessageRefusals.WrongSender,
                    $"broker user '{user}' passed {assigned.IncidentId} on to desk '{desk.DeskId}', which has heard of no escalation of it from that desk");
            }

            RequireSender(context);
        }

        return Handle(context, assigned);
    }

    public Task Consume(ConsumeContext<ShiftEnding> context) =>
        IsMine(context, DeskAddress.Of(context.Message)) ? Handle(context, context.Message) : Task.CompletedTask;

    public Task Consume(ConsumeContext<HandoffBriefing> context) =>
        IsMine(context, DeskAddress.Of(context.Message)) ? Handle(context, context.Message) : Task.CompletedTask;

    /// <summary>An escalation concerns the desk that holds the incident: it passes it on or pages
    /// its on-call; the desk it goes to hears of it as an assignment from the holder, and on
    /// RabbitMQ takes that assignment from the holder's user only.</summary>
    public Task Consume(ConsumeContext<IncidentEscalated> context)
    {
        var escalation = context.Message;
        if (IsMine(escalation.DeskId) && !IsMine(escalation.FromDeskId) && !escalation.Paged && MessageSender.Of(context).OverBroker)
        {
            RequireSender(context);
            handOns.Expect(escalation.IncidentId, escalation.FromDeskId);
        }

        return IsMine(context, DeskAddress.Of(escalation)) ? Handle(context, escalation) : Task.CompletedTask;
    }

    /// <summary>Another desk needs this one's help (or, when help must come from outside the
    /// operation, this desk waits for it).</summary>
    public Task Consume(ConsumeContext<AssistRouted> context) =>
        IsMine(context, DeskAddress.Of(context.Message)) ? Handle(context, context.Message) : Task.CompletedTask;

    public Task Consume(ConsumeContext<AssistProvided> context) =>
        IsMine(context, DeskAddress.Of(context.Message)) ? Handle(context, context.Message) : Task.CompletedTask;

    /// <summary>A fault from the console; stop and resume act even on a stopped desk.</summary>
    public Task Consume(ConsumeContext<DeskFaultInjected> context) =>
        IsMine(context, DeskAddress.Of(context.Message)) ? Handle(context, context.Message) : Task.CompletedTask;

    public Task Consume(ConsumeContext<DeskRehearsalModeSet> context) =>
        IsMine(context, DeskAddress.Of(context.Message)) ? Handle(context, context.Message) : Task.CompletedTask;

    public Task Consume(ConsumeContext<HandoffItemDecided> context) =>
        IsMine(context, DeskAddress.Of(context.Message)) ? Handle(context, context.Message) : Task.CompletedTask;

    /// <summary>A standby's probe: its delivery has made this process active if it was not
    /// (<see cref="DeskActivationFilter"/>); there is nothing else to do with it.</summary>
    public Task Consume(ConsumeContext<DeskStandbyProbe> context)
    {
        // Only who sent it matters: a probe in another desk's name is refused.
        _ = IsMine(context, context.Message.DeskId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<HandoffBriefingWritten> context) =>
        IsMine(context, DeskAddress.Of(context.Message)) ? Handle(context, context.Message) : Task.CompletedTask;

    private bool IsMine(string? deskId) => string.Equals(deskId, desk.DeskId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the message is addressed to this desk; one that is, from a sender that
    /// may not send it, is refused.</summary>
    private bool IsMine<T>(ConsumeContext<T> context, string? deskId)
        where T : class, IOpsMessage
    {
        if (!IsMine(deskId))
        {
            return false;
        }

        RequireSender(context);
        return true;
    }

    private void RequireSender<T>(ConsumeContext<T> context)
        where T : class, IOpsMessage
    {
        // In one process every message is the process's own: nothing to look up.
        if (MessageSender.Of(context).OverBroker && DeskSenders.Required(context.Message, users) is { } rule)
        {
            refusals.RequireSender(context, typeof(T).Name, rule);
        }
    }

    /// <summary>Gives the message to the desk, under the trace it was consumed in, and publishes
    /// what the desk sends because of it.</summary>
    private Task Handle(ConsumeContext context, IOpsMessage message) => PublishAll(context, desk.Consume(message, CurrentTrace()));

    /// <summary>An assignment the desk can work, or an <see cref="InvalidMessageException"/>
    /// naming every field that is wrong (a poison message goes to the error queue).</summary>
    private static IncidentAssigned Checked(IncidentAssigned assigned)
    {
        InvalidMessageException.ThrowIfAny(nameof(IncidentAssigned), IncidentFieldChecks.Problems(assigned));
        return assigned;
    }

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
