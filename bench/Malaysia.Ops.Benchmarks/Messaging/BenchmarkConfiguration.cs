using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>
/// The settings both paths run with: the services' defaults, overridden by the environment in
/// the services' own form (Messaging__PrefetchCount=64 ...), so a setting can be tried on both
/// paths without a code change; and the broker the run uses.
/// </summary>
public static class BenchmarkConfiguration
{
    public static IReadOnlyList<KeyValuePair<string, string?>> For(BrokerAddress broker) =>
    [
        new($"{MessagingOptions.Section}:Transport", nameof(MessageTransport.RabbitMq)),
        .. broker.AsConfiguration(),

        // Start-up and per-run lines only; the figures are the output.
        new("Logging:LogLevel:Default", "Warning"),
    ];

    /// <summary>Messages a receive endpoint of the services processes at once with these
    /// settings: the baseline's consumers are given the same.</summary>
    public static int Concurrency(MessagingOptions messaging) =>
        messaging.ConcurrentMessageLimit > 0 ? Math.Min(messaging.ConcurrentMessageLimit, messaging.PrefetchCount) : messaging.PrefetchCount;

    /// <summary>The messaging settings as a service would read them.</summary>
    public static MessagingOptions Messaging(BrokerAddress broker)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(For(broker)).AddEnvironmentVariables().Build();
        return configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
    }
}
