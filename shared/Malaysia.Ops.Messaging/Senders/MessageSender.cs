using MassTransit;

namespace Malaysia.Ops.Messaging.Senders;

/// <summary>Who sent a message, as far as the transport vouches for it. On RabbitMQ every service
/// stamps the AMQP user-id property with its broker user and the broker refuses a message whose
/// user-id is not its connection's user, so <see cref="BrokerUser"/> is who sent it (null: the
/// sender set none). In one process (the in-memory bus) every message comes from this process.</summary>
public readonly record struct MessageSender(bool OverBroker, string? BrokerUser)
{
    public static MessageSender InProcess => new(false, null);

    public static MessageSender Of(ConsumeContext context) => Of(context.ReceiveContext);

    public static MessageSender Of(ReceiveContext context) =>
        context.TryGetPayload(out RabbitMqBasicConsumeContext? rabbit) ? new(true, rabbit.Properties.UserId) : InProcess;

    public override string ToString() => !OverBroker
        ? "this process"
        : BrokerUser is { Length: > 0 } user ? $"broker user '{user}'" : "a sender with no user-id";
}
