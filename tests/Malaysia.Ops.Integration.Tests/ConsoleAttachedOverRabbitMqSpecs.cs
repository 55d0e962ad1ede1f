using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The console attached to a run on a real RabbitMQ node, every service its own process: what
/// it shows comes from the services' messages, and what it does (raise an incident, stop a
/// desk, pause the clock) reaches the processes that own it.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class ConsoleAttachedOverRabbitMqSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private const string Token = "attached-console-token-0123";
    private OperationProcesses operation = null!;

    public async Task InitializeAsync()
    {
        operation = await OperationProcesses.CreateAsync(
            broker,
            "console",
            new DateTimeOffset(2026, 7, 13, 12, 0, 0, TimeSpan.Zero),
            speed: 120,
            seed: 7);
    }

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    public async Task The_attached_console_sees_the_services_work_and_its_controls_reach_them()
    {
        await operation.StartDesksAsync();
        await operation.StartDispatchAsync();
        var console = await operation.StartReadyAsync("Malaysia.Ops.OperationsConsole", new Dictionary<string, string>
        {
            ["Console__Mode"] = "Attached",
            ["Console__Token"] = Token,
            ["Console__TraceUrl"] = "http://localhost:16686/trace/{traceId}",
        });
        await operation.StartWorkloadAsync(incidentsPerHour: 2);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{console.HealthPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        // In July at 12:00 UTC the US desk is on duty: dispatch routes the incident there.
        using var raised = await http.PostAsJsonAsync("/api/incidents", new { type = "InferenceLatencySloBreach", severity = "Sev2", workMinutes = 600 });
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incidentId").GetString()!;
        var board = await WaitForBoard(http, b => Desk(b, "us").GetProperty("open").EnumerateArray().Any(i => i.GetProperty("incidentId").GetString() == id && i.GetProperty("status").GetString() == "acknowledged"), "the incident acknowledged on the US desk");
        Assert.Equal("attached", board.GetProperty("mode").GetString());
        Assert.StartsWith("http://localhost:16686/trace/", Desk(board, "us").GetProperty("open").EnumerateArray().Single(i => i.GetProperty("incidentId").GetString() == id).GetProperty("traceUrl").GetString(), StringComparison.Ordinal);

        // The desk process reports the fault itself.
        (await http.PostAsJsonAsync("/api/desks/my/faults", new { kind = "slow", factor = 2 })).EnsureSuccessStatusCode();
        await WaitForBoard(http, b => Desk(b, "my").GetProperty("faults").EnumerateArray().Any(f => f.GetString() == "slow ×2"), "the MY desk reporting it is slowed");

        // Dispatch pauses the clock of every process; the board's time then stands still.
        (await http.PostAsync("/api/run/pause", null)).EnsureSuccessStatusCode();
        var paused = await WaitForBoard(http, b => b.GetProperty("run").GetProperty("state").GetString() == "paused", "the run paused");
        await Task.Delay(1_500);
        var later = await http.GetFromJsonAsync<JsonElement>("/api/board");
        Assert.Equal(paused.GetProperty("run").GetProperty("simulatedNow").GetDateTimeOffset(), later.GetProperty("run").GetProperty("simulatedNow").GetDateTimeOffset());
        var depth = later.GetProperty("flow");
        log.WriteLine($"queue depth {depth.GetProperty("queueDepth")}, consumers {depth.GetProperty("consumers")}; paused at {later.GetProperty("run").GetProperty("simulatedNow")}");
        Assert.True(depth.GetProperty("consumers").GetInt32() >= 3, $"dispatch and both desks consume: {depth}");
    }

    private static JsonElement Desk(JsonElement board, string deskId) =>
        board.GetProperty("desks").EnumerateArray().Single(d => d.GetProperty("deskId").GetString() == deskId);

    private async Task<JsonElement> WaitForBoard(HttpClient http, Func<JsonElement, bool> shows, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        JsonElement board = default;
        while (DateTimeOffset.UtcNow < deadline)
        {
            board = await http.GetFromJsonAsync<JsonElement>("/api/board");
            if (shows(board))
            {
                return board;
            }

            await Task.Delay(200);
        }

        var logs = string.Join("\n", operation.Services.Select(s => $"=== {s.Name} ===\n{string.Join('\n', s.Output.Split('\n').TakeLast(30))}"));
        throw new TimeoutException($"timed out waiting for {what}; board: {board}\n{logs}");
    }
}
