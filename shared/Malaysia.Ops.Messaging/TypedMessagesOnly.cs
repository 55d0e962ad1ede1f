using MassTransit;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// Refuses a message that names no message type. MassTransit's raw JSON deserializer takes a
/// message without a type header as one of every type, so each consumer of the endpoint would
/// get it as its own (dispatch's clock-change consumer would read an empty request as "pause").
/// Such a message goes to the endpoint's error queue with the reason instead.
/// </summary>
public sealed class TypedMessagesOnly : IFilter<ConsumeContext>, IEndpointConfigurationObserver
{
    public const string Problem = "the message names no message type (no MT-MessageType header on raw JSON, no messageType in an envelope), so no consumer can tell what it is";

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next) =>
        context.SupportedMessageTypes.Any() ? next.Send(context) : throw new InvalidMessageException($"Message {context.MessageId} rejected: {Problem}");

    public void Probe(ProbeContext context) => context.CreateFilterScope("typedMessagesOnly");

    public void EndpointConfigured<T>(T configurator)
        where T : IReceiveEndpointConfigurator => configurator.UseFilter(this);
}
