using System.Text.Json;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>
/// The baseline: RabbitMQ.Client alone, written as a careful hand-made client would be, with what
/// the services ask of the broker: a durable fanout exchange bound to a durable queue (a quorum
/// queue when Messaging:QuorumQueues is on), persistent messages, publisher confirms awaited per
/// publish (many publishes in flight on one channel), the JSON of the same record, the
/// same prefetch and consumer concurrency, and an acknowledgement after each message is handled.
/// </summary>
public sealed class RawClientPath(BrokerAddress broker) : IMessagingPath
{
    public const string QueueName = "messaging-benchmark-raw";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly BasicProperties Persistent = new() { Persistent = true, ContentType = "application/json" };

    private readonly List<IConnection> connections = [];
    private IChannel? publishChannel;

    public async Task StartAsync(int consumers, DeliveryRecorder recorder, CancellationToken cancellationToken)
    {
        var messaging = BenchmarkConfiguration.Messaging(broker);
        var concurrency = BenchmarkConfiguration.Concurrency(messaging);
        var factory = broker.AsOptions().ConnectionFactory("messaging-benchmark-raw");
        factory.ConsumerDispatchConcurrency = (ushort)concurrency;

        var publisher = await Connect(factory, cancellationToken);
        publishChannel = await publisher.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        await publishChannel.ExchangeDeclareAsync(QueueName, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var arguments = messaging.QuorumQueues ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
        await publishChannel.QueueDeclareAsync(QueueName, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
        await publishChannel.QueueBindAsync(QueueName, QueueName, string.Empty, cancellationToken: cancellationToken);

        for (var i = 0; i < consumers; i++)
        {
            var channel = await (await Connect(factory, cancellationToken)).CreateChannelAsync(cancellationToken: cancellationToken);
            await channel.BasicQosAsync(0, (ushort)messaging.PrefetchCount, global: false, cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                var message = JsonSerializer.Deserialize<IncidentRaised>(delivery.Body.Span, Json)
                    ?? throw new InvalidOperationException("an empty message arrived");
                recorder.Received(BenchmarkIncidents.Sequence(message), delivery.Body.Length);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
            };
            await channel.BasicConsumeAsync(QueueName, autoAck: false, consumer, cancellationToken);
        }
    }

    public async Task PublishAsync(IncidentRaised message, CancellationToken cancellationToken)
    {
        var channel = publishChannel ?? throw new InvalidOperationException("the path is not started");
        var body = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        await channel.BasicPublishAsync(QueueName, string.Empty, mandatory: false, Persistent, body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.CloseAsync();
            connection.Dispose();
        }
    }

    private async Task<IConnection> Connect(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        connections.Add(connection);
        return connection;
    }
}
