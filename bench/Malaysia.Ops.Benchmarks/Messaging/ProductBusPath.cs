using Malaysia.Ops.Contracts;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>
/// The services' messaging path: hosts built exactly as a service process builds its own
/// (<see cref="ServiceDefaultsExtensions.AddOpsServiceDefaults"/> and
/// <see cref="BusRegistration.AddOpsBus"/>, telemetry included), one publishing an incident the
/// way the workload does, and one or more consuming it the way dispatch does, on a receive
/// endpoint with the operation's endpoint defaults. Several consumer hosts are separate bus
/// instances competing for one queue.
/// </summary>
public sealed class ProductBusPath(BrokerAddress broker) : IMessagingPath
{
    public const string EndpointName = "messaging-benchmark";

    private readonly List<IHost> hosts = [];
    private IBus? publisher;

    public async Task StartAsync(int consumers, DeliveryRecorder recorder, CancellationToken cancellationToken)
    {
        for (var i = 0; i < consumers; i++)
        {
            await StartHostAsync(
                $"messaging-benchmark-consumer-{i + 1}",
                builder => builder.Services.AddSingleton(recorder),
                bus => bus
                    .Register(x => x.AddConsumer<RecordingIncidentConsumer>())
                    .Endpoint([typeof(RecordingIncidentConsumer)], (context, cfg) => cfg.ReceiveEndpoint(EndpointName, endpoint =>
                    {
                        endpoint.ApplyOpsDefaults(context);
                        endpoint.ConfigureConsumer<RecordingIncidentConsumer>(context);
                    })),
                cancellationToken);
        }

        var publishing = await StartHostAsync("messaging-benchmark-publisher", _ => { }, _ => { }, cancellationToken);
        publisher = publishing.Services.GetRequiredService<IBus>();
    }

    public Task PublishAsync(IncidentRaised message, CancellationToken cancellationToken) =>
        (publisher ?? throw new InvalidOperationException("the path is not started")).Publish(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Publisher first, then the consumers.
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    private async Task<IHost> StartHostAsync(
        string serviceName,
        Action<HostApplicationBuilder> services,
        Action<OpsBusBuilder> contribute,
        CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(BenchmarkConfiguration.For(broker));
        builder.Configuration.AddEnvironmentVariables();
        builder.AddOpsServiceDefaults(serviceName);
        services(builder);
        builder.AddOpsBus(contribute);
        var host = builder.Build();
        hosts.Add(host);
        await host.StartAsync(cancellationToken);
        return host;
    }
}
