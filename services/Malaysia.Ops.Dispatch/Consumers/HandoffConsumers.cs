using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Records what a briefing carried, so that every item is either accepted or escalated;
/// items briefed after the window closed are escalated straight away.</summary>
public sealed class HandoffBriefingConsumer(DurableDispatch dispatch) : IConsumer<HandoffBriefing>
{
    public Task Consume(ConsumeContext<HandoffBriefing> context) => dispatch.ConsumeAsync(context);
}

/// <summary>Records an item's handoff latency and its new owner.</summary>
public sealed class HandoffItemAcceptedConsumer(DurableDispatch dispatch) : IConsumer<HandoffItemAccepted>
{
    public Task Consume(ConsumeContext<HandoffItemAccepted> context) => dispatch.ConsumeAsync(context);
}

/// <summary>Counts an item the incoming desk had to ask about.</summary>
public sealed class HandoffItemQueriedConsumer(DurableDispatch dispatch) : IConsumer<HandoffItemQueried>
{
    public Task Consume(ConsumeContext<HandoffItemQueried> context) => dispatch.ConsumeAsync(context);
}

/// <summary>Counts missing context found only when work started.</summary>
public sealed class HandoffSurpriseFoundConsumer(DurableDispatch dispatch) : IConsumer<HandoffSurpriseFound>
{
    public Task Consume(ConsumeContext<HandoffSurpriseFound> context) => dispatch.ConsumeAsync(context);
}

/// <summary>Records the handoff's own latency.</summary>
public sealed class HandoffCompletedConsumer(DurableDispatch dispatch) : IConsumer<HandoffCompleted>
{
    public Task Consume(ConsumeContext<HandoffCompleted> context) => dispatch.ConsumeAsync(context);
}
