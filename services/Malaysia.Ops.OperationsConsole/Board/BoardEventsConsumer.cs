using System.Diagnostics;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using MassTransit;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// Everything the board shows, as the services publish it. The console listens on a queue of its
/// own, so watching the run takes nothing from the services' queues.
/// </summary>
public sealed class BoardEventsConsumer(BoardProjection board, ConsoleLoadFigures load, SimulationClock clock) :
    IConsumer<IncidentRaised>,
    IConsumer<IncidentAssigned>,
    IConsumer<IncidentAcknowledged>,
    IConsumer<IncidentEscalated>,
    IConsumer<IncidentResolved>,
    IConsumer<ShiftEnding>,
    IConsumer<HandoffBriefing>,
    IConsumer<HandoffItemAccepted>,
    IConsumer<HandoffItemQueried>,
    IConsumer<HandoffCompleted>,
    IConsumer<HandoffEscalated>,
    IConsumer<DeskStateReported>,
    IConsumer<Fault<IncidentAssigned>>
{
    public Task Consume(ConsumeContext<IncidentRaised> context)
    {
        // The consume span belongs to the incident's own trace, started where it was raised.
        var traceId = Activity.Current?.TraceId.ToHexString();
        var synthetic = context.Headers.TryGetHeader(IncidentIds.SyntheticHeader, out var marked) && marked is true or "true" or "True";
        board.Raised(context.Message, traceId, synthetic, Wall);
        load.Raised(context.Message.IncidentId, context.SentTime);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<IncidentAssigned> context) => Apply(() =>
    {
        board.Assigned(context.Message);
        load.Assigned(context.Message.IncidentId);
    });

    public Task Consume(ConsumeContext<IncidentAcknowledged> context) => Apply(() =>
    {
        board.Acknowledged(context.Message);
        load.Acknowledged(context.Message.IncidentId, context.SentTime);
    });

    public Task Consume(ConsumeContext<IncidentEscalated> context) => Apply(() => board.Escalated(context.Message, Wall));

    public Task Consume(ConsumeContext<IncidentResolved> context) => Apply(() =>
    {
        board.Resolved(context.Message);
        load.Resolved(context.Message.IncidentId, context.SentTime);
    });

    public Task Consume(ConsumeContext<ShiftEnding> context) => Apply(() => board.ShiftEnded(context.Message));

    public Task Consume(ConsumeContext<HandoffBriefing> context) => Apply(() => board.Briefed(context.Message, Wall));

    public Task Consume(ConsumeContext<HandoffItemAccepted> context) => Apply(() => board.ItemAccepted(context.Message, Wall));

    public Task Consume(ConsumeContext<HandoffItemQueried> context) => Apply(() => board.ItemQueried(context.Message, Wall));

    public Task Consume(ConsumeContext<HandoffCompleted> context) => Apply(() => board.HandoffCompleted(context.Message, Wall));

    public Task Consume(ConsumeContext<HandoffEscalated> context) => Apply(() => board.HandoffEscalated(context.Message, Wall));

    public Task Consume(ConsumeContext<DeskStateReported> context) => Apply(() => board.DeskReported(context.Message, Wall));

    /// <summary>A desk threw an assignment out (a poison message): MassTransit publishes the fault.</summary>
    public Task Consume(ConsumeContext<Fault<IncidentAssigned>> context)
    {
        var fault = context.Message;
        var reason = fault.Exceptions?.FirstOrDefault()?.Message ?? "no reason given";
        board.Rejected(fault.Message?.DeskId ?? string.Empty, fault.Host?.ProcessName, nameof(IncidentAssigned), reason, fault.Message?.SimulatedAt ?? default, Wall);
        return Task.CompletedTask;
    }

    private DateTimeOffset Wall => clock.Wall.GetUtcNow();

    private static Task Apply(Action apply)
    {
        apply();
        return Task.CompletedTask;
    }
}
