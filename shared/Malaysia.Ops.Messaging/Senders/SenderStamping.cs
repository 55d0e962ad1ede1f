using MassTransit;

namespace Malaysia.Ops.Messaging.Senders;

/// <summary>
/// On RabbitMQ every message this process sends or publishes carries its broker user in the AMQP
/// user-id property. The broker refuses a message whose user-id is not the user of the connection
/// that publishes it (no service user has the impersonator tag), so a receiver can trust it:
/// <see cref="MessageSender"/>.
/// </summary>
public static class SenderStamping
{
    internal static void StampBrokerUser(this IRabbitMqBusFactoryConfigurator bus, string user)
    {
        bus.ConfigureSend(send => send.UseExecute(context => Stamp(context, user)));
        bus.ConfigurePublish(publish => publish.UseExecute(context => Stamp(context, user)));

        // A message moved to an error or skipped queue keeps its properties, and the broker
        // would refuse another user's user-id from this connection.
        bus.ConnectEndpointConfigurationObserver(new MovesWithoutSenderUser());
    }

    /// <summary>Sets the user-id of a message going out on RabbitMQ; elsewhere changes nothing.</summary>
    internal static void Stamp(SendContext context, string user)
    {
        if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
        {
            rabbit.BasicProperties.UserId = user;
        }
    }
}
