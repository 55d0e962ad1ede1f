using Malaysia.Ops.Contracts;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Routes each raised incident to the desk on duty.</summary>
public sealed class IncidentRaisedConsumer(DispatchCoordinator coordinator) : IConsumer<IncidentRaised>
{
    public async Task Consume(ConsumeContext<IncidentRaised> context)
    {
        if (coordinator.Raise(context.Message) is { } assignment)
        {
            await context.Publish(assignment);
        }
    }
}

public sealed class IncidentAcknowledgedConsumer(DispatchCoordinator coordinator) : IConsumer<IncidentAcknowledged>
{
    public Task Consume(ConsumeContext<IncidentAcknowledged> context)
    {
        coordinator.Acknowledged(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class IncidentResolvedConsumer(DispatchCoordinator coordinator) : IConsumer<IncidentResolved>
{
    public Task Consume(ConsumeContext<IncidentResolved> context)
    {
        coordinator.Resolved(context.Message);
        return Task.CompletedTask;
    }
}
