using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Sends a desk's request for help on to the desk that can give it.</summary>
public sealed class AssistRequestedConsumer(DurableDispatch dispatch) : IConsumer<AssistRequested>
{
    public Task Consume(ConsumeContext<AssistRequested> context) => dispatch.ConsumeAsync(context);
}

/// <summary>Records how long the help took.</summary>
public sealed class AssistProvidedConsumer(DurableDispatch dispatch) : IConsumer<AssistProvided>
{
    public Task Consume(ConsumeContext<AssistProvided> context) => dispatch.ConsumeAsync(context);
}
