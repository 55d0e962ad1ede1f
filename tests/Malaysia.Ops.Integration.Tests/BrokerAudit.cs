using System.Collections.Concurrent;
using System.Text.Json;
using Malaysia.Ops.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// An independent witness on the broker: a plain AMQP client (not MassTransit) with its own
/// queue bound to the exchange MassTransit publishes a message type to, recording every
/// incident id that was actually raised. The ledger is then checked against what the broker
/// carried, not against what dispatch believes.
/// </summary>
public sealed class BrokerAudit : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly ConcurrentDictionary<string, int> seen = new(StringComparer.Ordinal);

    private BrokerAudit(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    /// <summary>Ids seen, with how many times each was delivered.</summary>
    public IReadOnlyDictionary<string, int> Seen => seen;

    public static Task<BrokerAudit> StartAsync(BrokerAccess access, string messageType, string idProperty) =>
        // MassTransit publishes a message type to a durable fanout exchange named after it;
        // declaring it the same way is idempotent.
        StartAsync(access, $"Malaysia.Ops.Contracts:{messageType}", ExchangeType.Fanout, string.Empty, message => message.GetProperty(idProperty).GetString() ?? "(no id)");

    /// <summary>A witness bound to the assignments exchange as the queue of desk
    /// <paramref name="deskId"/> is: it records "desk/incident" for each assignment it hears,
    /// with the desk the assignment names.</summary>
    public static Task<BrokerAudit> StartAssignmentsOfAsync(BrokerAccess access, string deskId) =>
        StartAsync(access, AssignmentRouting.Exchange, AssignmentRouting.ExchangeKind, AssignmentRouting.KeyOf(deskId), message => $"{message.GetProperty("deskId").GetString()}/{message.GetProperty("incidentId").GetString()}");

    private static async Task<BrokerAudit> StartAsync(BrokerAccess access, string exchange, string exchangeType, string routingKey, Func<JsonElement, string> idOf)
    {
        var connection = await access.ConnectAsync("integration-audit");
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, exchangeType, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, routingKey);

        var audit = new BrokerAudit(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var body = JsonDocument.Parse(delivery.Body);

            // Raw JSON is the message itself; MassTransit's envelope wraps it in "message".
            var message = body.RootElement.TryGetProperty("message", out var wrapped) && body.RootElement.TryGetProperty("messageType", out JsonElement _)
                ? wrapped
                : body.RootElement;
            audit.seen.AddOrUpdate(idOf(message), 1, (_, count) => count + 1);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return audit;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
