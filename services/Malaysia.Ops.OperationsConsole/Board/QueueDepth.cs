using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// Messages waiting and consumers, for the board. On the in-memory bus: messages published and
/// not yet consumed, and the bus's endpoints. On a broker: the services' own queues (dispatch
/// and each desk), asked with a passive declare every few seconds at most, so a busy board costs
/// the broker almost nothing. Unknown (null) when the broker cannot be asked.
/// </summary>
public sealed class QueueDepth(
    IOptions<MessagingOptions> messaging,
    IOptions<RabbitMqOptions> rabbit,
    InMemoryTraffic traffic,
    Roster roster,
    TimeProvider wall,
    ILogger<QueueDepth> logger) : IAsyncDisposable
{
    private static readonly TimeSpan AskEvery = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim asking = new(1, 1);
    private (long? Messages, int? Consumers) last;
    private DateTimeOffset askedAt = DateTimeOffset.MinValue;
    private IConnection? connection;

    public (long? Messages, int? Consumers) Read()
    {
        if (messaging.Value.Transport == MessageTransport.InMemory)
        {
            return (traffic.Activity.InFlight, traffic.Endpoints);
        }

        if (wall.GetUtcNow() - askedAt >= AskEvery && asking.Wait(0))
        {
            askedAt = wall.GetUtcNow();
            _ = AskBrokerAsync();
        }

        return last;
    }

    private IEnumerable<string> Queues() =>
        roster.Desks.Select(d => Desk.DeskOptions.EndpointNameOf(d.DeskId)).Prepend(Dispatch.DispatchExtensions.EndpointName);

    private async Task AskBrokerAsync()
    {
        try
        {
            connection ??= await rabbit.Value.ConnectionFactory("malaysia-ops-console-queue-depth").CreateConnectionAsync();
            long messages = 0;
            var consumers = 0;
            foreach (var queue in Queues())
            {
                // A missing queue closes the channel it was asked on; one channel per question.
                await using var channel = await connection.CreateChannelAsync();
                try
                {
                    var declared = await channel.QueueDeclarePassiveAsync(queue);
                    messages += declared.MessageCount;
                    consumers += (int)declared.ConsumerCount;
                }
                catch (OperationInterruptedException)
                {
                    // Not declared (yet): that service has not started.
                }
            }

            last = (messages, consumers);
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or AlreadyClosedException)
        {
            logger.LogWarning("Queue depth unknown: {Problem}", e.Message);
            last = (null, null);
            connection = null;
        }
        finally
        {
            asking.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        asking.Dispose();
    }
}
