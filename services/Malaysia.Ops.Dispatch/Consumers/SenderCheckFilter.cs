using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging.Senders;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Refuses, before any consumer acts on it, a message whose broker user may not send what
/// it claims to be (<see cref="DispatchSenders"/>).</summary>
public sealed class SenderCheckFilter<T>(MessageRefusals refusals, IOptions<BrokerUsers> users) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is IOpsMessage message && DispatchSenders.Required(message, users.Value) is { } required)
        {
            refusals.RequireSender(context, typeof(T).Name, required);
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("senderCheck");
}
