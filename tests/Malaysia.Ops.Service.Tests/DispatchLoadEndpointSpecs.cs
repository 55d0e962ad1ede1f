using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Dispatch.Load;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Workload;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// Dispatch's load figures over its HTTP port (GET /load), as the load driver in another process
/// reads them: the counts, the latencies at the percentiles asked for, the queue depth now and at
/// its highest; bad percentiles are a problem, and a dispatch that does not answer is no figures.
/// </summary>
public sealed class DispatchLoadEndpointSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 0, 0, 0, TimeSpan.Zero);

    private static DispatchLoadOverHttp Reader(string address) =>
        new(Options.Create(new WorkloadOptions { Load = { DispatchUrl = address } }), NullLogger<DispatchLoadOverHttp>.Instance);

    [Fact]
    public async Task The_driver_reads_what_dispatch_has_booked_and_bad_percentiles_are_a_problem()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(new SimulationClock(Epoch, 60, TimeProvider.System));
        builder.Services.AddSingleton<LoadProgress>();
        builder.Services.AddSingleton<LoadQueues>();
        builder.Services.AddSingleton<LoadFiguresOfDispatch>();
        await using var app = builder.Build();
        app.MapLoadThroughDispatch();
        await app.StartAsync();
        var address = app.Urls.First();

        var progress = app.Services.GetRequiredService<LoadProgress>();
        progress.OnRaised("INC-L-T-000001", DateTime.UtcNow.AddMilliseconds(-50));
        progress.OnAssigned("INC-L-T-000001");
        progress.OnRaised("INC-L-T-000002", null);
        progress.OnRaised("INC-4", null);
        var queues = app.Services.GetRequiredService<LoadQueues>();
        queues.Read([new QueueReading(QueueNames.Dispatch, 7, 1), new QueueReading(QueueNames.Desk("my"), 5, 1)]);
        queues.Read([new QueueReading(QueueNames.Dispatch, 2, 1)]);

        using var reader = Reader(address);
        var figures = await reader.ReadAsync([99, 99.9], CancellationToken.None);

        Assert.NotNull(figures);
        Assert.Equal((2, 1, 0, 0, 2), (figures.Booked, figures.Assigned, figures.Acknowledged, figures.Resolved, figures.Open));
        Assert.Equal((2L, 12L), (figures.QueueDepth, figures.PeakQueueDepth));
        Assert.Equal(6, figures.Latencies.Count);
        var assign = figures.Latencies.Single(l => l is { Stage: "assign", Percentile: 99 });
        Assert.InRange(assign.Milliseconds!.Value, 40, 60_000);
        Assert.All(figures.Latencies.Where(l => l.Stage != "assign"), l => Assert.Null(l.Milliseconds));

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var bad = await client.GetAsync("/load?percentiles=99,0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("'0' is not a percentile (above 0, up to 100)", problem.GetProperty("detail").GetString());
        await app.StopAsync();
    }

    [Fact]
    public async Task A_dispatch_that_does_not_answer_gives_no_figures()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var reader = Reader($"http://127.0.0.1:{port}");

        Assert.Null(await reader.ReadAsync([99], CancellationToken.None));
    }
}
