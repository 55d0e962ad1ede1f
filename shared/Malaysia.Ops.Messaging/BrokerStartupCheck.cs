using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Messaging;

/// <summary>The broker preflight as a check every host on RabbitMQ passes before it starts.</summary>
internal sealed class BrokerStartupCheck(IOptions<MessagingOptions> messaging, IOptions<RabbitMqOptions> rabbit) : IStartupCheck
{
    public Task CheckAsync(CancellationToken cancellationToken) =>
        messaging.Value.Transport == MessageTransport.RabbitMq
            ? BrokerPreflight.CheckAsync(rabbit.Value, cancellationToken)
            : Task.CompletedTask;
}
