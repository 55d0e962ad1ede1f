using Malaysia.Ops.Contracts;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Records what a briefing carried, so that every item is either accepted or escalated;
/// items briefed after the window closed are escalated straight away.</summary>
public sealed class HandoffBriefingConsumer(DispatchCoordinator coordinator) : IConsumer<HandoffBriefing>
{
    public async Task Consume(ConsumeContext<HandoffBriefing> context)
    {
        foreach (var escalation in coordinator.Briefed(context.Message))
        {
            await context.Publish(escalation);
        }
    }
}

/// <summary>Records an item's handoff latency and its new owner.</summary>
public sealed class HandoffItemAcceptedConsumer(DispatchCoordinator coordinator) : IConsumer<HandoffItemAccepted>
{
    public Task Consume(ConsumeContext<HandoffItemAccepted> context)
    {
        coordinator.ItemAccepted(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Counts an item the incoming desk had to ask about.</summary>
public sealed class HandoffItemQueriedConsumer(DispatchCoordinator coordinator) : IConsumer<HandoffItemQueried>
{
    public Task Consume(ConsumeContext<HandoffItemQueried> context)
    {
        coordinator.ItemQueried(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Counts missing context found only when work started.</summary>
public sealed class HandoffSurpriseFoundConsumer(DispatchCoordinator coordinator) : IConsumer<HandoffSurpriseFound>
{
    public Task Consume(ConsumeContext<HandoffSurpriseFound> context)
    {
        coordinator.SurpriseFound(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Records the handoff's own latency.</summary>
public sealed class HandoffCompletedConsumer(DispatchCoordinator coordinator) : IConsumer<HandoffCompleted>
{
    public Task Consume(ConsumeContext<HandoffCompleted> context)
    {
        coordinator.Completed(context.Message);
        return Task.CompletedTask;
    }
}
