using System.Collections.Concurrent;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>A message that runs a service out of memory ends its process at once, on every
/// endpoint the operation's defaults configure, and is not retried there; any other fault is
/// retried as the endpoint's retry policy says.</summary>
public sealed class FailFastOnOutOfMemorySpecs
{
    private const string OutOfMemory = "INC-OOM01";
    private const string Faulty = "INC-FAULT1";

    private sealed class Deliveries
    {
        public ConcurrentDictionary<string, int> Counts { get; } = new();
    }

    private sealed class ExhaustingConsumer(Deliveries deliveries) : IConsumer<IncidentRaised>
    {
        public Task Consume(ConsumeContext<IncidentRaised> context)
        {
            deliveries.Counts.AddOrUpdate(context.Message.IncidentId, 1, (_, n) => n + 1);
            if (context.Message.IncidentId == OutOfMemory)
            {
                // The runtime's own out-of-memory: a string longer than any it can hold.
                GC.KeepAlive(new string('x', int.MaxValue));
            }

            throw new InvalidOperationException("a transient fault");
        }
    }

    [Fact]
    public async Task Running_out_of_memory_ends_the_process_without_a_retry_and_other_faults_are_still_retried()
    {
        var ended = new ConcurrentQueue<string>();
        var deliveries = new Deliveries();
        using var host = await OpsTestHost.StartAsync(
            new Dictionary<string, string?> { ["Messaging:RetryLimit"] = "2" },
            bus => bus
                .Register(x => x.AddConsumer<ExhaustingConsumer>())
                .Endpoint([typeof(ExhaustingConsumer)], (context, cfg) => cfg.ReceiveEndpoint("exhausting", e =>
                {
                    e.ApplyOpsDefaults(context);
                    e.ConfigureConsumer<ExhaustingConsumer>(context);
                })),
            services =>
            {
                services.AddSingleton(deliveries);
                services.Replace(ServiceDescriptor.Singleton(new FailFastOnOutOfMemory(ended.Enqueue)));
            });
        var clock = host.Services.GetRequiredService<SimulationClock>();
        var bus = host.Services.GetRequiredService<ITestHarness>().Bus;

        await bus.Publish(new IncidentRaised(OutOfMemory, IncidentType.ModelDrift, Severity.Sev3, "iad-inference-1", "drift", 30, clock.GetUtcNow()));
        await bus.Publish(new IncidentRaised(Faulty, IncidentType.ModelDrift, Severity.Sev3, "iad-inference-1", "drift", 30, clock.GetUtcNow()));
        await VirtualTime.RunFor(host, TimeSpan.FromMinutes(1));

        var reason = Assert.Single(ended);
        Assert.Contains("out of memory", reason, StringComparison.Ordinal);
        Assert.Contains("exhausting", reason, StringComparison.Ordinal);
        Assert.Equal(1, deliveries.Counts[OutOfMemory]);
        Assert.Equal(3, deliveries.Counts[Faulty]);
    }
}
