using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The full stack with no Docker: the Aspire AppHost starts a private RabbitMQ node (an
/// executable resource), the four services and the dashboard; an incident's trace reaches the
/// dashboard from several services; stopping the AppHost stops everything it started. In the
/// broker collection so that no other test's service processes run beside it.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class AppHostSpecs(ITestOutputHelper log)
{
    private static readonly string[] Services = ["console", "desk-my", "desk-us", "dispatch", "workload"];

    [Fact]
    public async Task The_AppHost_runs_the_stack_shows_traces_from_every_service_and_stops_it_all()
    {
        var ports = FreePorts.Take(8);
        var (dashboard, amqp) = (ports[0], ports[3]);
        var nodeName = $"ops-apphost-{Environment.ProcessId}";
        var output = new StringBuilder();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepositoryLayout.AppHostAssembly() },
            WorkingDirectory = Path.Combine(RepositoryLayout.Root, "deploy", "Malaysia.Ops.AppHost"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = Url(ports[0]),
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = Url(ports[1]),
                ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = Url(ports[2]),
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                ["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true",
                ["Broker__NodeName"] = nodeName,
                ["Broker__AmqpPort"] = Text(amqp),
                ["Broker__ManagementPort"] = Text(ports[4]),
                ["Broker__PrometheusPort"] = Text(ports[5]),
                ["Broker__DistributionPort"] = Text(ports[6]),
                ["Console__Port"] = Text(ports[7]),
                ["Simulation__Speed"] = "8640",
            },
        };
        using var appHost = Process.Start(start)!;
        appHost.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        appHost.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        appHost.BeginOutputReadLine();
        appHost.BeginErrorReadLine();

        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(Url(dashboard)), Timeout = TimeSpan.FromSeconds(10) };
            await Until(async () => (await ResourcesWithTraces(http)).Count == Services.Length, "every service to send traces to the dashboard", appHost, output);

            (string TraceId, string Incident, IReadOnlyList<string> Services) crossing = default;
            await Until(
                async () =>
                {
                    crossing = await OneIncidentTraceAcrossServices(http);
                    return crossing.Services is { Count: >= 3 };
                },
                "an incident's trace to span workload, dispatch and a desk",
                appHost,
                output);
            var services = crossing.Services ?? [];
            log.WriteLine($"{crossing.Incident}: trace {crossing.TraceId} in the dashboard spans {string.Join(", ", services)}");
            Assert.Contains("workload", services);
            Assert.Contains("dispatch", services);
            Assert.Contains(services, s => s.StartsWith("desk-", StringComparison.Ordinal));

            // What an architect sees: the incident's trace in the dashboard, kept as a test artifact.
            var screenshot = Path.Combine(RepositoryLayout.Root, "TestResults", "screenshots", "aspire-incident-trace.png");
            var text = await DashboardScreenshot.TakeAsync(new Uri($"{Url(dashboard)}/traces/detail/{crossing.TraceId}"), $"route {crossing.Incident}", screenshot);
            log.WriteLine($"screenshot: {screenshot}");
            Assert.Contains($"raise {crossing.Incident}", text, StringComparison.Ordinal);
            Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is (nearly) empty");
        }
        finally
        {
            if (!appHost.HasExited)
            {
                await ProcessRunner.RunAsync("kill", ["-TERM", appHost.Id.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await appHost.WaitForExitAsync(stopTimeout.Token);
        log.WriteLine($"AppHost exited with {appHost.ExitCode}");

        // Everything it started is gone: the broker's port is closed and no process of the node,
        // the services or the orchestrator is left.
        var leftovers = await Leftovers(nodeName, amqp);
        Assert.True(leftovers.Length == 0, $"still running after the AppHost stopped:\n{leftovers}");

        // The AppHost keeps its node's data between runs, as a developer's would; this test's
        // node is used once, so its folder goes (local-node.sh keeps it under $TMPDIR).
        var nodeFolder = Path.Combine(Path.GetTempPath(), "malaysia-ops-rabbitmq", nodeName);
        if (Directory.Exists(nodeFolder))
        {
            Directory.Delete(nodeFolder, recursive: true);
        }
    }

    private static async Task<List<string>> ResourcesWithTraces(HttpClient http)
    {
        try
        {
            using var resources = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/telemetry/resources", UriKind.Relative)));
            return resources.RootElement.EnumerateArray()
                .Where(r => r.GetProperty("hasTraces").GetBoolean())
                .Select(r => r.GetProperty("name").GetString()!)
                .Where(Services.Contains)
                .Distinct()
                .ToList();
        }
        catch (HttpRequestException)
        {
            return [];
        }
    }

    /// <summary>A raised incident's trace that holds spans of the workload, dispatch and a desk.</summary>
    private static async Task<(string TraceId, string Incident, IReadOnlyList<string> Services)> OneIncidentTraceAcrossServices(HttpClient http)
    {
        var raised = await Spans(http, "resource=workload&limit=50");
        foreach (var span in raised.Where(s => s.Name.StartsWith("raise INC-", StringComparison.Ordinal)).DistinctBy(s => s.TraceId).Take(10))
        {
            var services = (await Spans(http, $"traceId={span.TraceId}")).Select(s => s.Service).Distinct().Order(StringComparer.Ordinal).ToList();
            // Each service exports in batches, so the trace fills in over a few seconds.
            if (services.Contains("workload") && services.Contains("dispatch") && services.Any(s => s.StartsWith("desk-", StringComparison.Ordinal)))
            {
                return (span.TraceId, span.Name["raise ".Length..], services);
            }
        }

        return default;
    }

    private static async Task<List<(string Service, string TraceId, string Name)>> Spans(HttpClient http, string query)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/telemetry/spans?{query}", UriKind.Relative)));
        var spans = new List<(string, string, string)>();
        foreach (var resourceSpans in document.RootElement.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = resourceSpans.TryGetProperty("resource", out var resource)
                ? resource.GetProperty("attributes").EnumerateArray()
                    .Where(a => a.GetProperty("key").GetString() == "service.name")
                    .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
                    .FirstOrDefault() ?? "?"
                : "?";
            foreach (var scope in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    spans.Add((service, span.GetProperty("traceId").GetString()!, span.GetProperty("name").GetString()!));
                }
            }
        }

        return spans;
    }

    private static async Task Until(Func<Task<bool>> condition, string what, Process appHost, StringBuilder output)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (appHost.HasExited)
            {
                throw new InvalidOperationException($"the AppHost exited with {appHost.ExitCode} while waiting for {what}:\n{output}");
            }

            if (await condition())
            {
                return;
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"timed out waiting for {what}:\n{output}");
    }

    private static async Task<string> Leftovers(string nodeName, int amqpPort)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        string found;
        do
        {
            var processes = await ProcessRunner.RunAsync("pgrep", ["-af", $"{nodeName}|Malaysia.Ops.AppHost|Malaysia.Ops.*Worker.dll"]);
            // Only this checkout's processes: another checkout's test run may be on the machine.
            found = string.Join('\n', processes.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => !l.Contains("pgrep", StringComparison.Ordinal))
                .Where(l => l.Contains(nodeName, StringComparison.Ordinal) || l.Contains(RepositoryLayout.Root, StringComparison.Ordinal)));
            if (PortOpen(amqpPort))
            {
                found += $"\nAMQP port {amqpPort} still answers";
            }

            if (found.Trim().Length == 0)
            {
                return string.Empty;
            }

            await Task.Delay(1000);
        }
        while (DateTimeOffset.UtcNow < deadline);

        return found;
    }

    private static bool PortOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Url(int port) => $"http://localhost:{Text(port)}";

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
