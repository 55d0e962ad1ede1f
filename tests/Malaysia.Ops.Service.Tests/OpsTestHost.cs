using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Service.Tests;

/// <summary>A service host as the workers build it, with MassTransit's in-memory test harness
/// in place of RabbitMQ.</summary>
internal static class OpsTestHost
{
    public static IHost Build(IDictionary<string, string?> settings, Action<OpsBusBuilder> contribute, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:RetryLimit"] = "0",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddOpsServiceDefaults("service-tests");
        builder.Services.AddOpsBusTestHarness(builder.Configuration, contribute);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, Action<OpsBusBuilder> contribute, Action<IServiceCollection>? services = null)
    {
        var host = Build(settings, contribute, services);
        await OpsHost.PrepareAsync(host, CancellationToken.None);
        await host.StartAsync();
        return host;
    }
}

/// <summary>Waits for a condition that the simulated clock will bring about, failing with a
/// description of what never happened.</summary>
internal static class Eventually
{
    public static async Task<T> Get<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"timed out waiting for {what}");
    }
}
