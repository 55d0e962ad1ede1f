using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Malaysia.Ops.Messaging;

/// <summary>Messages waiting on a queue and the consumers reading it, at one moment.</summary>
public sealed record QueueReading(string Queue, long Messages, int Consumers);

/// <summary>
/// Reads the depth and consumers of the services' queues. On a broker, each queue is asked with
/// a passive declare on a connection of its own (outside MassTransit), which costs the broker
/// almost nothing and needs no management plugin; a queue not declared yet (its service has not
/// started) is left out. On the in-memory bus there are no queues to ask: one reading covers the
/// bus (messages published and not yet consumed, and its endpoints). Callers ask one at a time.
/// </summary>
public sealed class QueueGauge(
    IOptions<MessagingOptions> messaging,
    IOptions<RabbitMqOptions> rabbit,
    InMemoryTraffic traffic,
    ILogger<QueueGauge> logger) : IAsyncDisposable
{
    /// <summary>What the in-memory bus's single reading is called.</summary>
    public const string InMemoryBus = "in-memory bus";

    private IConnection? connection;

    /// <summary>The readings of <paramref name="queues"/>, or null when the broker cannot be asked
    /// (said once in the log each time it happens).</summary>
    public async Task<IReadOnlyList<QueueReading>?> ReadAsync(IEnumerable<string> queues, string clientName, CancellationToken cancellationToken)
    {
        if (messaging.Value.Transport == MessageTransport.InMemory)
        {
            return [new QueueReading(InMemoryBus, traffic.Activity.InFlight, traffic.Endpoints)];
        }

        try
        {
            connection ??= await rabbit.Value.ConnectionFactory(clientName).CreateConnectionAsync(cancellationToken);
            var readings = new List<QueueReading>();
            foreach (var queue in queues)
            {
                // A missing queue closes the channel it was asked on; one channel per question.
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                try
                {
                    var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                    readings.Add(new QueueReading(queue, declared.MessageCount, (int)declared.ConsumerCount));
                }
                catch (OperationInterruptedException)
                {
                    // Not declared (yet): that service has not started.
                }
            }

            return readings;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or AlreadyClosedException)
        {
            logger.LogWarning("Queue depth unknown: {Problem}", e.Message);
            if (connection is not null)
            {
                await connection.DisposeAsync();
                connection = null;
            }

            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
