using System.Diagnostics.CodeAnalysis;
using MassTransit;
using MassTransit.Context;
using RabbitMQ.Client;

namespace Malaysia.Ops.Messaging.Senders;

/// <summary>A received message as seen by a move to another queue: its RabbitMQ properties without
/// the user-id, which goes to the <see cref="SentByHeader"/> header instead.</summary>
internal sealed class WithoutSenderUser(ReceiveContext context) : ReceiveContextProxy(context)
{
    /// <summary>The header that names the broker user who sent a moved message.</summary>
    public const string SentByHeader = "ops-sent-by";

    public override bool TryGetPayload<T>([NotNullWhen(true)] out T? payload)
        where T : class
    {
        if (typeof(T) == typeof(RabbitMqBasicConsumeContext)
            && base.TryGetPayload(out RabbitMqBasicConsumeContext? rabbit)
            && rabbit?.Properties.UserId is { } user)
        {
            payload = (T)(object)new Moved(rabbit, user);
            return true;
        }

        return base.TryGetPayload(out payload);
    }

    private sealed class Moved(RabbitMqBasicConsumeContext received, string user) : RabbitMqBasicConsumeContext
    {
        public string Exchange => received.Exchange;

        public string ConsumerTag => received.ConsumerTag;

        public ulong DeliveryTag => received.DeliveryTag;

        public string RoutingKey => received.RoutingKey ?? string.Empty;

        public IReadOnlyBasicProperties Properties { get; } = new BasicProperties(received.Properties)
        {
            UserId = null,
            Headers = new Dictionary<string, object?>(received.Properties.Headers ?? new Dictionary<string, object?>(), StringComparer.OrdinalIgnoreCase)
            {
                [SentByHeader] = user,
            },
        };
    }
}
