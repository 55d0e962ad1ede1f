using Malaysia.Ops.Messaging.Chaos;
using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.Messaging.Senders;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.ServiceDefaults.Hosting;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Malaysia.Ops.Messaging;

internal static class MessagingDefaults
{
    /// <summary>What a process with a bus has besides the bus: validated messaging, broker and
    /// chaos settings, the broker users it checks senders against, the broker preflight, and
    /// MassTransit's traces and metrics.</summary>
    public static IServiceCollection AddOpsMessagingDefaults(this IServiceCollection services)
    {
        services.AddValidatedOptions<MessagingOptions, MessagingOptionsValidator>(MessagingOptions.Section);
        services.AddValidatedOptions<RabbitMqOptions, RabbitMqOptionsValidator>(RabbitMqOptions.Section);
        services.AddValidatedOptions<ChaosOptions, ChaosOptionsValidator>(ChaosOptions.Section);
        services.AddSingleton<ChaosPipelines>();
        services.AddOptions<BrokerUsers>().BindConfiguration(BrokerUsers.Section);
        services.AddSingleton<MessageRefusals>();
        services.AddSingleton<IStartupCheck, BrokerStartupCheck>();

        // MassTransit's own source propagates the trace over RabbitMQ; RabbitMQ.Client's sources
        // are left out on purpose, they would duplicate every span.
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName))
            .WithMetrics(metrics => metrics.AddMeter(InstrumentationOptions.MeterName));
        return services;
    }
}
