using Malaysia.Ops.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The service users of deploy/rabbitmq/definitions.json on a real broker, asked with a plain
/// AMQP client (not MassTransit): each may do what its service does, and is refused what
/// belongs to another service. The services themselves run as these users in
/// FollowTheSunOverRabbitMqSpecs and ConsoleAttachedOverRabbitMqSpecs.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class BrokerAccessSpecs(RabbitMqNode broker) : IAsyncLifetime
{
    private const string Contracts = "Malaysia.Ops.Contracts:";
    private const int AccessRefused = 403;

    private string virtualHost = string.Empty;
    private ServiceUsers users = null!;

    public async Task InitializeAsync()
    {
        var operationHost = await broker.CreateOperationVirtualHostAsync("access");
        (virtualHost, users) = (operationHost.Name, operationHost.Users);
    }

    public async Task DisposeAsync() => await broker.DeleteVirtualHostAsync(virtualHost);

    [Fact]
    public async Task A_desk_user_declares_and_reads_its_own_queue_and_publishes_what_a_desk_publishes()
    {
        await using var connection = await Connect("desk-us");
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

        // The topology MassTransit builds for the desk's endpoint: its queue, its exchange, the
        // exchange of a message type it consumes bound to it, and the assignments keyed to it.
        await channel.QueueDeclareAsync("desk-us", durable: true, exclusive: false, autoDelete: false);
        await channel.ExchangeDeclareAsync("desk-us", ExchangeType.Fanout, durable: true);
        await channel.QueueBindAsync("desk-us", "desk-us", string.Empty);
        await channel.ExchangeDeclareAsync($"{Contracts}ShiftEnding", ExchangeType.Fanout, durable: true);
        await channel.ExchangeBindAsync("desk-us", $"{Contracts}ShiftEnding", string.Empty);
        await channel.ExchangeDeclareAsync(AssignmentRouting.Exchange, AssignmentRouting.ExchangeKind, durable: true);
        await channel.ExchangeBindAsync("desk-us", AssignmentRouting.Exchange, AssignmentRouting.KeyOf("us"));
        await channel.BasicGetAsync("desk-us", autoAck: true);

        // What a desk tells the others.
        await channel.ExchangeDeclareAsync($"{Contracts}IncidentAcknowledged", ExchangeType.Fanout, durable: true);
        await channel.BasicPublishAsync($"{Contracts}IncidentAcknowledged", string.Empty, "{}"u8.ToArray());

        Assert.True(channel.IsOpen, channel.CloseReason?.ReplyText);
    }

    [Fact]
    public async Task A_desk_user_cannot_read_the_other_desks_queue()
    {
        await using (var owner = await Connect("desk-my"))
        await using (var ownerChannel = await owner.CreateChannelAsync())
        {
            await ownerChannel.QueueDeclareAsync("desk-my", durable: true, exclusive: false, autoDelete: false);
        }

        await using var connection = await Connect("desk-us");
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.BasicGetAsync("desk-my", autoAck: true));

        Assert.Equal(AccessRefused, (int?)refused.ShutdownReason?.ReplyCode);
        Assert.Contains("desk-my", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_desk_user_cannot_publish_incidents_nor_take_over_the_dispatch_queue()
    {
        await using (var owner = await Connect("workload"))
        await using (var ownerChannel = await owner.CreateChannelAsync())
        {
            await ownerChannel.ExchangeDeclareAsync($"{Contracts}IncidentRaised", ExchangeType.Fanout, durable: true);
        }

        await using var connection = await Connect("desk-us");

        // Raising incidents is the workload's (and the console's): a desk has no write on it.
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
                await channel.BasicPublishAsync($"{Contracts}IncidentRaised", string.Empty, "{}"u8.ToArray()));
            Assert.Equal(AccessRefused, await ClosedWith(channel, refused));
        }

        await using (var channel = await connection.CreateChannelAsync())
        {
            var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
                channel.QueueDeclareAsync("dispatch", durable: true, exclusive: false, autoDelete: false));
            Assert.Equal(AccessRefused, (int?)refused.ShutdownReason?.ReplyCode);
        }
    }

    [Fact]
    public async Task The_workload_user_cannot_read_what_it_does_not_consume()
    {
        await using (var owner = await Connect("dispatch"))
        await using (var ownerChannel = await owner.CreateChannelAsync())
        {
            await ownerChannel.ExchangeDeclareAsync(AssignmentRouting.Exchange, AssignmentRouting.ExchangeKind, durable: true);
        }

        await using var connection = await Connect("workload");
        await using var channel = await connection.CreateChannelAsync();

        // Named as MassTransit names the workload's temporary clock queue: host_process_tag_id.
        var queue = await channel.QueueDeclareAsync("testhost_MalaysiaOpsWorkloadWorker_clock_audit", durable: false, exclusive: true, autoDelete: true);

        // Its own temporary clock queue may hear the clock, but not the incidents dispatch assigns.
        await channel.ExchangeDeclareAsync($"{Contracts}SimulationClockAnnounced", ExchangeType.Fanout, durable: true);
        await channel.QueueBindAsync(queue.QueueName, $"{Contracts}SimulationClockAnnounced", string.Empty);
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            channel.QueueBindAsync(queue.QueueName, AssignmentRouting.Exchange, AssignmentRouting.KeyOf("my")));

        Assert.Equal(AccessRefused, (int?)refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task Guest_and_a_wrong_password_are_refused_on_the_services_vhost()
    {
        // The project's nodes start with no guest at all: its login is refused as any unknown
        // user's is.
        var guest = await Assert.ThrowsAnyAsync<Exception>(() => OpenAndDeclare("guest", "guest"));
        Assert.Contains(Flatten(guest), e => e is AuthenticationFailureException || e.Message.Contains("ACCESS_REFUSED", StringComparison.Ordinal));

        var wrong = await Assert.ThrowsAnyAsync<Exception>(() => OpenAndDeclare("desk-us", users.Password("desk-my")));
        Assert.Contains(Flatten(wrong), e => e is AuthenticationFailureException || e.Message.Contains("ACCESS_REFUSED", StringComparison.Ordinal));
    }

    private async Task OpenAndDeclare(string user, string password)
    {
        await using var connection = await Factory(user, password).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("desk-us", durable: true, exclusive: false, autoDelete: false);
    }

    private Task<IConnection> Connect(string user) => Factory(user, users.Password(user)).CreateConnectionAsync();

    private ConnectionFactory Factory(string user, string password) => new()
    {
        HostName = "127.0.0.1",
        Port = broker.AmqpPort,
        VirtualHost = virtualHost,
        UserName = user,
        Password = password,
        ClientProvidedName = $"broker-access-{user}",
        AutomaticRecoveryEnabled = false,
    };

    /// <summary>The reply code the broker closed <paramref name="channel"/> with, after a publish
    /// that failed with <paramref name="failure"/> (the refusal closes the channel asynchronously).</summary>
    private static async Task<int?> ClosedWith(IChannel channel, Exception failure)
    {
        if (failure is OperationInterruptedException { ShutdownReason: { } reason })
        {
            return reason.ReplyCode;
        }

        for (var i = 0; i < 50 && channel.IsOpen; i++)
        {
            await Task.Delay(100);
        }

        return channel.CloseReason?.ReplyCode;
    }

    private static List<Exception> Flatten(Exception e)
    {
        var all = new List<Exception>();
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            all.Add(current);
        }

        return all;
    }
}
