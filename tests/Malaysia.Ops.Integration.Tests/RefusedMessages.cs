using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// What a service refused, read off the broker: the depth of its queue's error and skipped
/// queues (MassTransit declares them when it first moves a message there) and the reasons in
/// the error queue (its MT-Fault-Message header). A channel per question, since asking after a
/// queue that does not exist yet closes the channel.
/// </summary>
internal static class RefusedMessages
{
    /// <summary>Messages in <paramref name="queue"/>; 0 when it does not exist.</summary>
    public static async Task<long> DepthAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>How many messages <paramref name="queue"/>'s error and skipped queues hold once
    /// at least <paramref name="expected"/> are there and no more arrive (retried faults arrive
    /// over seconds).</summary>
    public static async Task<long> SettledAsync(IConnection connection, string queue, long expected, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (await CountAsync(connection, queue) < expected && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        await Task.Delay(3000);
        return await CountAsync(connection, queue);
    }

    /// <summary>The reasons of what <paramref name="errorQueue"/> holds; taken off it when
    /// <paramref name="take"/>, else left there.</summary>
    public static async Task<List<string>> ReasonsAsync(IConnection connection, string errorQueue, bool take)
    {
        var reasons = new List<string>();
        if (await DepthAsync(connection, errorQueue) == 0)
        {
            return reasons;
        }

        // Unacknowledged ones go back to the queue when the channel closes.
        await using var channel = await connection.CreateChannelAsync();
        while (await channel.BasicGetAsync(errorQueue, autoAck: take) is { } message)
        {
            object? header = null;
            message.BasicProperties.Headers?.TryGetValue("MT-Fault-Message", out header);
            reasons.Add(header is byte[] bytes ? Encoding.UTF8.GetString(bytes) : header?.ToString() ?? string.Empty);
        }

        return reasons;
    }

    private static async Task<long> CountAsync(IConnection connection, string queue) =>
        await DepthAsync(connection, $"{queue}_error") + await DepthAsync(connection, $"{queue}_skipped");
}
