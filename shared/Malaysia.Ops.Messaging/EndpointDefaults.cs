using Malaysia.Ops.Clock;
using Malaysia.Ops.Messaging.Chaos;
using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Messaging;

public static class EndpointDefaults
{
    /// <summary>What every receive endpoint of the operation does the same way: a bounded
    /// prefetch and concurrency (one message at a time in virtual time), the process ended when
    /// a message runs it out of memory, redelivery with exponential backoff
    /// before a message is moved to the endpoint's error queue (with the exception as the
    /// reason; a poison message at once), the chaos rules when enabled, and on RabbitMQ a quorum
    /// queue.</summary>
    public static void ApplyOpsDefaults(this IReceiveEndpointConfigurator endpoint, IBusRegistrationContext context)
    {
        var messaging = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        endpoint.PrefetchCount = messaging.PrefetchCount;
        if (context.GetRequiredService<SimulationClock>().IsVirtual)
        {
            // One message at a time per queue: what happens at one simulated instant then
            // happens in the same order in every run.
            endpoint.ConcurrentMessageLimit = 1;
        }
        else if (messaging.ConcurrentMessageLimit > 0)
        {
            endpoint.ConcurrentMessageLimit = messaging.ConcurrentMessageLimit;
        }

        // Outside the retry, wherever it is added: MassTransit puts the retry around each
        // consumer's own pipe, inside the endpoint's filters. Never retried (see below).
        endpoint.UseFilter(context.GetRequiredService<FailFastOnOutOfMemory>());
        if (messaging.RetryLimit > 0)
        {
            endpoint.UseMessageRetry(retry =>
            {
                retry.Exponential(
                    messaging.RetryLimit,
                    TimeSpan.FromMilliseconds(50),
                    TimeSpan.FromSeconds(5),
                    TimeSpan.FromMilliseconds(100));

                // A poison message stays poison: straight to the error queue.
                retry.Ignore<InvalidMessageException>();

                // Out of memory, the process ends instead (FailFastOnOutOfMemory).
                retry.Ignore<OutOfMemoryException>();
            });
        }

        // Inside the retry, so an injected fault is redelivered like any transient one.
        if (context.GetRequiredService<ChaosPipelines>().Enabled)
        {
            endpoint.UseConsumeFilter(typeof(ChaosConsumeFilter<>), context);
        }

        // Incident and handoff traffic lives in replicated, durable queues on a broker.
        if (messaging.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }
    }
}
