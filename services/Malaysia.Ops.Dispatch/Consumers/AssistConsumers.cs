using Malaysia.Ops.Contracts;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Sends a desk's request for help on to the desk that can give it.</summary>
public sealed class AssistRequestedConsumer(DispatchCoordinator coordinator) : IConsumer<AssistRequested>
{
    public async Task Consume(ConsumeContext<AssistRequested> context)
    {
        if (coordinator.RouteAssist(context.Message) is { } routed)
        {
            await context.Publish(routed);
        }
    }
}

/// <summary>Records how long the help took.</summary>
public sealed class AssistProvidedConsumer(DispatchCoordinator coordinator) : IConsumer<AssistProvided>
{
    public Task Consume(ConsumeContext<AssistProvided> context)
    {
        coordinator.AssistProvided(context.Message);
        return Task.CompletedTask;
    }
}
