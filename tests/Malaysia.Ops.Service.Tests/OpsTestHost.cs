using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Service.Tests;

/// <summary>A service host as the workers build it, with MassTransit's in-memory test harness
/// in place of RabbitMQ and the clock in virtual time, so every figure is exact.</summary>
internal static class OpsTestHost
{
    public static IHost Build(IDictionary<string, string?> settings, Action<OpsBusBuilder> contribute, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        Configure(builder, settings, contribute, services);
        return builder.Build();
    }

    /// <summary>The same host with the health endpoints a service maps, answered in memory
    /// (<c>GetTestClient()</c> asks them).</summary>
    public static async Task<WebApplication> StartWebAsync(IDictionary<string, string?> settings, Action<OpsBusBuilder> contribute, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseTestServer();
        Configure(builder, settings, contribute, services);
        var app = builder.Build();
        app.MapOpsHealthEndpoints();
        await OpsHost.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    private static void Configure(IHostApplicationBuilder builder, IDictionary<string, string?> settings, Action<OpsBusBuilder> contribute, Action<IServiceCollection>? services)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:RetryLimit"] = "0",
            ["Simulation:VirtualTime"] = "true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddOpsServiceDefaults("service-tests");
        builder.Services.AddOpsBusTestHarness(builder.Configuration, contribute);
        services?.Invoke(builder.Services);
    }

    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, Action<OpsBusBuilder> contribute, Action<IServiceCollection>? services = null)
    {
        var host = Build(settings, contribute, services);
        await OpsHost.PrepareAsync(host, CancellationToken.None);
        await host.StartAsync();
        return host;
    }
}

/// <summary>Moves a test host's virtual clock on until a condition holds, failing with a
/// description of what never happened and the simulated time it was given.</summary>
internal static class VirtualTime
{
    // Wall time one simulated instant may take before the run is declared stuck.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(20);

    public static async Task<T> Until<T>(IHost host, Func<T?> probe, string what, TimeSpan? within = null)
        where T : class
    {
        var clock = host.Services.GetRequiredService<SimulationClock>();
        var limit = clock.GetUtcNow() + (within ?? TimeSpan.FromDays(1));
        var reached = await new VirtualTimeDriver(clock, StallLimit).RunAsync(limit, () => probe() is not null, CancellationToken.None);
        return probe() ?? throw new TimeoutException($"{what} did not happen by {reached:yyyy-MM-dd HH:mm}Z");
    }

    /// <summary>Lets the run go on for <paramref name="span"/> of simulated time.</summary>
    public static Task RunFor(IHost host, TimeSpan span)
    {
        var clock = host.Services.GetRequiredService<SimulationClock>();
        return new VirtualTimeDriver(clock, StallLimit).RunAsync(clock.GetUtcNow() + span, done: null, CancellationToken.None);
    }
}
