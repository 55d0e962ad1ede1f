using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.Messaging.Health;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Health;
using Malaysia.Ops.Messaging.Senders;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Messaging;

public static class BusRegistration
{
    /// <summary>Adds the process's bus: RabbitMQ or in-memory as "Messaging:Transport" says, with
    /// the endpoints the services contribute.</summary>
    public static IHostApplicationBuilder AddOpsBus(this IHostApplicationBuilder builder, Action<OpsBusBuilder> contribute)
    {
        builder.Services.AddOpsBus(builder.Configuration, contribute, useTestHarness: false);
        return builder;
    }

    /// <summary>The same bus on MassTransit's in-memory test harness.</summary>
    public static IServiceCollection AddOpsBusTestHarness(this IServiceCollection services, IConfiguration configuration, Action<OpsBusBuilder> contribute) =>
        services.AddOpsBus(configuration, contribute, useTestHarness: true);

    private static IServiceCollection AddOpsBus(this IServiceCollection services, IConfiguration configuration, Action<OpsBusBuilder> contribute, bool useTestHarness)
    {
        services.AddOpsMessagingDefaults();
        var bus = new OpsBusBuilder(services, configuration);
        contribute(bus);

        // Without WaitUntilStarted the host may report "started" before the consumers' queues
        // and bindings exist, and anything published then is silently dropped.
        services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });

        var transport = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>()?.Transport ?? MessageTransport.RabbitMq;
        services.AddSingleton(_ => new InMemoryTraffic(bus.FanOut()));
        services.AddSingleton<QueueGauge>();
        services.AddSingleton(new FailFastOnOutOfMemory(reason => Environment.FailFast(reason)));
        services.AddReceiveEndpointReadiness();
        void Configure(IBusRegistrationConfigurator x)
        {
            x.SetKebabCaseEndpointNameFormatter();

            // MassTransit reports anonymous usage to its makers over the internet by default;
            // an operations rehearsal sends nothing anywhere its operator did not configure.
            x.ConfigureUsageTelemetryOptions(usage => usage.Enabled = false);
            bus.ApplyRegistrations(x);
            if (useTestHarness || transport == MessageTransport.InMemory)
            {
                x.UsingInMemory((context, cfg) =>
                {
                    // Virtual time waits for the messages in flight; on a wall clock they are
                    // the in-memory bus's queue depth.
                    var clock = context.GetRequiredService<SimulationClock>();
                    var traffic = context.GetRequiredService<InMemoryTraffic>();
                    var observer = new RunActivityObserver(clock.IsVirtual ? clock.Activity : traffic.Activity, bus.FanOut());
                    cfg.ConnectPublishObserver(observer);
                    cfg.ConnectReceiveObserver(observer);

                    bus.ApplyEndpoints(context, cfg);
                });
            }
            else
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    if (context.GetRequiredService<SimulationClock>().IsVirtual)
                    {
                        throw new ConfigurationProblemException(
                            "Simulation:VirtualTime",
                            "virtual time needs the whole run in one process (Messaging:Transport InMemory); services on RabbitMQ follow the accelerated clock");
                    }

                    var rabbit = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);

                        // A publish completes only when the broker has the message (the default,
                        // stated because nothing may be lost).
                        h.PublisherConfirmation = true;
                        if (rabbit.ClusterNodes.Count > 0)
                        {
                            // Losing the node it is connected to, the bus reconnects to another.
                            h.UseCluster(cluster =>
                            {
                                foreach (var node in rabbit.ClusterNodes)
                                {
                                    cluster.Node(node);
                                }
                            });
                        }

                        if (rabbit.UseTls)
                        {
                            h.UseSsl(ssl =>
                            {
                                ssl.ServerName = rabbit.Host;
                                if (BrokerTls.CertificateValidation(rabbit) is { } validation)
                                {
                                    ssl.CertificateValidationCallback = validation;
                                }
                            });
                        }
                    });
                    var messaging = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                    if (messaging.WireFormat == MessageWireFormat.RawJson)
                    {
                        // Writes raw JSON; the envelope deserializer stays registered, so
                        // messages from a process still writing envelopes are read as well.
                        // The message type travels in a header and is checked on receipt (no
                        // AnyMessageType): an endpoint hosting several consumers hands each
                        // message only to the consumers of its type.
                        cfg.UseRawJsonSerializer(RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders);
                    }

                    // Every contract implements IOpsMessage, and by default MassTransit binds each
                    // published type's exchange to an IOpsMessage exchange. Nothing consumes
                    // IOpsMessage, and that binding would need read permission on every type a
                    // service publishes: leaving it out keeps each service user to the exchanges
                    // it really reads (deploy/rabbitmq/definitions.json).
                    cfg.Publish<IOpsMessage>(publish => publish.Exclude = true);

                    // Who sent a message is what the broker vouches for, and a message that names
                    // no type reaches no consumer (TypedMessagesOnly).
                    cfg.StampBrokerUser(rabbit.Username);
                    cfg.ConnectEndpointConfigurationObserver(new TypedMessagesOnly());
                    cfg.RouteAssignmentsByDesk();
                    bus.ApplyEndpoints(context, cfg);
                });
            }
        }

        if (useTestHarness)
        {
            services.AddMassTransitTestHarness(Configure);
        }
        else
        {
            services.AddMassTransit(Configure);
        }

        return services;
    }
}
