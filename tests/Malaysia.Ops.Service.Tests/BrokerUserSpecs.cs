using Malaysia.Ops.Messaging;
using Malaysia.Ops.Messaging.Senders;
using MassTransit;
using RabbitMQ.Client;

namespace Malaysia.Ops.Service.Tests;

/// <summary>How a sender's broker user travels on RabbitMQ: stamped in the AMQP user-id of
/// everything a service sends, read from it on receipt, and taken out of a message moved to an
/// error or skipped queue (the broker refuses another user's user-id from the mover's
/// connection) into a header; and a message that names no type goes to the error queue.</summary>
public sealed class BrokerUserSpecs
{
    private static readonly string[] ClockChangeType = ["urn:message:Malaysia.Ops.Contracts:SimulationClockChangeRequested"];

    private static ReceiveContext Received(IReadOnlyBasicProperties properties) => TransportFake.Of<ReceiveContext>(new Dictionary<Type, object>
    {
        [typeof(RabbitMqBasicConsumeContext)] = TransportFake.Of<RabbitMqBasicConsumeContext>(properties: new Dictionary<string, object?>
        {
            ["Properties"] = properties,
            ["RoutingKey"] = "us",
        }),
    });

    [Fact]
    public void What_a_service_sends_on_RabbitMQ_carries_its_broker_user_and_elsewhere_nothing_changes()
    {
        var properties = new BasicProperties();
        var send = TransportFake.Of<SendContext>(new Dictionary<Type, object>
        {
            [typeof(RabbitMqSendContext)] = TransportFake.Of<RabbitMqSendContext>(properties: new Dictionary<string, object?> { ["BasicProperties"] = properties }),
        });

        SenderStamping.Stamp(send, "desk-us");
        Assert.Equal("desk-us", properties.UserId);

        SenderStamping.Stamp(TransportFake.Of<SendContext>(), "desk-us");
    }

    [Fact]
    public void The_sender_is_the_user_id_the_broker_vouched_for_or_this_process_off_RabbitMQ()
    {
        Assert.Equal(new MessageSender(true, "desk-my"), MessageSender.Of(Received(new BasicProperties { UserId = "desk-my" })));
        Assert.Equal(new MessageSender(true, null), MessageSender.Of(Received(new BasicProperties())));
        Assert.Equal(MessageSender.InProcess, MessageSender.Of(TransportFake.Of<ReceiveContext>()));
    }

    [Fact]
    public void A_moved_message_keeps_its_properties_but_its_sender_s_user_id_goes_to_a_header()
    {
        var received = new BasicProperties
        {
            UserId = "desk-my",
            ContentType = "application/json",
            MessageId = "m-1",
            Headers = new Dictionary<string, object?> { ["MT-MessageType"] = "urn:message:Malaysia.Ops.Contracts:IncidentResolved" },
        };

        Assert.True(new WithoutSenderUser(Received(received)).TryGetPayload(out RabbitMqBasicConsumeContext? moved));
        Assert.Null(moved.Properties.UserId);
        Assert.False(moved.Properties.IsUserIdPresent());
        Assert.Equal("application/json", moved.Properties.ContentType);
        Assert.Equal("m-1", moved.Properties.MessageId);
        Assert.Equal("us", moved.RoutingKey);
        Assert.Equal("desk-my", moved.Properties.Headers![WithoutSenderUser.SentByHeader]);
        Assert.Equal("urn:message:Malaysia.Ops.Contracts:IncidentResolved", moved.Properties.Headers["MT-MessageType"]);

        // The received message itself is left as it was.
        Assert.Equal("desk-my", received.UserId);
        Assert.False(received.Headers.ContainsKey(WithoutSenderUser.SentByHeader));
    }

    [Fact]
    public async Task A_message_that_names_no_type_goes_to_the_error_queue_and_reaches_no_consumer()
    {
        var pipe = new CountingPipe();
        var filter = new TypedMessagesOnly();

        var untyped = TransportFake.Of<ConsumeContext>(properties: new Dictionary<string, object?> { ["SupportedMessageTypes"] = Array.Empty<string>() });
        var refused = await Assert.ThrowsAsync<InvalidMessageException>(() => filter.Send(untyped, pipe));
        Assert.Contains("names no message type", refused.Message);
        Assert.Equal(0, pipe.Sent);

        var typed = TransportFake.Of<ConsumeContext>(properties: new Dictionary<string, object?> { ["SupportedMessageTypes"] = ClockChangeType });
        await filter.Send(typed, pipe);
        Assert.Equal(1, pipe.Sent);
    }

    private sealed class CountingPipe : IPipe<ConsumeContext>
    {
        public int Sent { get; private set; }

        public Task Send(ConsumeContext context)
        {
            Sent++;
            return Task.CompletedTask;
        }

        public void Probe(ProbeContext context)
        {
        }
    }
}
