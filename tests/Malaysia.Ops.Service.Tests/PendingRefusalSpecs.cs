using System.Diagnostics.Metrics;
using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Messaging.Senders;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Service.Tests;

/// <summary>A message that what allows it may still be behind (an escalation's hand-on before the
/// escalation) is retried while the endpoint retries, and refused, counted, only on the last
/// attempt.</summary>
public sealed class PendingRefusalSpecs
{
    private static ConsumeContext Attempt(int retryAttempt) => TransportFake.Of<ConsumeContext>(
        new Dictionary<Type, object>
        {
            [typeof(ConsumeRetryContext)] = TransportFake.Of<ConsumeRetryContext>(properties: new Dictionary<string, object?> { ["RetryAttempt"] = retryAttempt }),
        },
        new Dictionary<string, object?> { ["ReceiveContext"] = TransportFake.Of<ReceiveContext>() });

    [Fact]
    public void A_message_not_yet_allowed_is_retried_and_refused_on_the_last_attempt()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var refused = new RefusalCounter("ops.messages.refused");
        var refusals = new MessageRefusals(
            new OpsMetrics(services.GetRequiredService<IMeterFactory>()),
            Options.Create(new RabbitMqOptions { Username = "desk-us" }),
            Options.Create(new MessagingOptions { RetryLimit = 5 }),
            NullLogger<MessageRefusals>.Instance);

        Assert.IsType<NotYetAllowedException>(refusals.RefuseUnlessRetried(Attempt(0), "IncidentAssigned", MessageRefusals.WrongSender, "no escalation heard of"));
        Assert.IsType<NotYetAllowedException>(refusals.RefuseUnlessRetried(Attempt(4), "IncidentAssigned", MessageRefusals.WrongSender, "no escalation heard of"));
        Assert.Equal(0, refused.With("reason", MessageRefusals.WrongSender));

        var last = Assert.IsType<InvalidMessageException>(refusals.RefuseUnlessRetried(Attempt(5), "IncidentAssigned", MessageRefusals.WrongSender, "no escalation heard of"));
        Assert.Equal("IncidentAssigned rejected: no escalation heard of", last.Message);
        Assert.Equal(1, refused.With("reason", MessageRefusals.WrongSender));
    }
}
