using System.Net;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging.Health;
using Malaysia.Ops.ServiceDefaults.Health;
using Malaysia.Ops.ServiceDefaults.Hosting;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Malaysia.Ops.Service.Tests;

/// <summary>A service's health endpoints as a probe asks them: readiness is 200 only while the
/// bus and every receive endpoint consume, and 503 otherwise with a line naming what is not
/// ready; liveness is 200 throughout.</summary>
public sealed class ReadinessSpecs
{
    private const string Queue = "readiness-probe";

    [Fact]
    public async Task A_service_with_an_endpoint_not_consuming_is_not_ready_and_says_which_until_it_consumes_again()
    {
        await using var app = await OpsTestHost.StartWebAsync(new Dictionary<string, string?>(), _ => { });
        using var client = app.GetTestClient();
        var bus = app.Services.GetRequiredService<ITestHarness>().Bus;
        var endpoint = bus.ConnectReceiveEndpoint(Queue, e => e.Handler<IncidentRaised>(_ => Task.CompletedTask));
        await endpoint.Ready;

        var ready = await Ask(client, HealthEndpoints.ReadyPath);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.StartsWith("Healthy\n", ready.Body, StringComparison.Ordinal);
        Assert.Contains($"{ReceiveEndpointsHealthCheck.Name}: Healthy", ready.Body, StringComparison.Ordinal);

        // Stopped, not removed (the handle's own StopAsync removes it from the bus): as a
        // consumer is when the broker closes its channel or goes away.
        await endpoint.ReceiveEndpoint.Stop(CancellationToken.None);

        var stopped = await Ask(client, HealthEndpoints.ReadyPath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.Status);
        Assert.StartsWith("Unhealthy\n", stopped.Body, StringComparison.Ordinal);
        Assert.Contains($"{ReceiveEndpointsHealthCheck.Name}: Unhealthy - {Queue} not consuming since ", stopped.Body, StringComparison.Ordinal);
        Assert.Contains("masstransit-bus: Degraded", stopped.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Ask(client, HealthEndpoints.LivePath)).Status);

        endpoint.ReceiveEndpoint.Start();
        var again = await Ask(client, HealthEndpoints.ReadyPath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, again.Status);
        Assert.Contains($"{Queue} consuming again for ", again.Body, StringComparison.Ordinal);

        var deadline = DateTimeOffset.UtcNow + EndpointReadiness.Settle + TimeSpan.FromSeconds(10);
        while ((await Ask(client, HealthEndpoints.ReadyPath)).Status != HttpStatusCode.OK)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "readiness did not come back after the endpoint consumed again");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task A_degraded_check_makes_the_service_not_ready_and_leaves_it_live()
    {
        await using var app = await OpsTestHost.StartWebAsync(
            new Dictionary<string, string?>(),
            _ => { },
            services => services.AddHealthChecks().AddCheck("half-there", () => HealthCheckResult.Degraded("one of two queues consuming")));
        using var client = app.GetTestClient();

        var ready = await Ask(client, HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Contains("half-there: Degraded - one of two queues consuming\n", ready.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Ask(client, HealthEndpoints.LivePath)).Status);
    }

    private static async Task<(HttpStatusCode Status, string Body)> Ask(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
