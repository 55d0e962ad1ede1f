using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>
/// A RabbitMQ node of the benchmark's own, started and stopped with the project's
/// deploy/rabbitmq/local-node.sh (as the integration tests do), under its own node name, base
/// folder and free loopback ports, so it never meets a developer's or a test run's node. Every
/// measured path gets a fresh virtual host: one path's queues and bindings never carry another's
/// traffic. The node has no guest user: the benchmark connects as a user of its own, with the
/// password the script made for it.
/// </summary>
public sealed class PrivateBrokerNode : IAsyncDisposable
{
    private const string User = "benchmark";
    private readonly string script;
    private readonly int amqpPort;
    private readonly Dictionary<string, string> environment;
    private string password = string.Empty;
    private bool started;

    private PrivateBrokerNode(string script, int[] ports)
    {
        this.script = script;
        amqpPort = ports[0];
        var name = $"ops-bench-{Environment.ProcessId}";
        environment = new Dictionary<string, string>
        {
            ["OPS_RABBITMQ_NODE"] = name,
            ["OPS_RABBITMQ_PORT"] = Text(ports[0]),
            ["OPS_RABBITMQ_MANAGEMENT_PORT"] = Text(ports[1]),
            ["OPS_RABBITMQ_PROMETHEUS_PORT"] = Text(ports[2]),
            ["OPS_RABBITMQ_DIST_PORT"] = Text(ports[3]),
            ["OPS_RABBITMQ_BASE"] = Path.Combine(Path.GetTempPath(), "malaysia-ops-bench", name),
        };
    }

    public BrokerAddress Address => new("127.0.0.1", amqpPort, "/", User, password);

    public static async Task<PrivateBrokerNode> StartAsync(TextWriter log)
    {
        var node = new PrivateBrokerNode(FindScript(), FreeLoopbackPorts(4));
        await log.WriteLineAsync($"starting a private RabbitMQ node on port {node.amqpPort}...");
        node.started = true;
        await node.RunAsync("start");
        await node.RunAsync("add-user", User);
        node.password = await node.ReadPasswordAsync();
        return node;
    }

    public async Task<BrokerAddress> CreateVirtualHostAsync(string name)
    {
        await RunAsync("add-vhost", name, User);
        return Address.WithVirtualHost(name);
    }

    public Task DeleteVirtualHostAsync(string name) => RunAsync("delete-vhost", name);

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            started = false;
            await RunAsync("stop", "--purge");
        }
    }

    /// <summary>The benchmark user's password, from the node's credentials file (KEY=VALUE lines,
    /// the key named after the user as the script names it).</summary>
    private async Task<string> ReadPasswordAsync()
    {
        var file = (await RunAsync("credentials-file")).Trim();
        var key = $"OPS_BROKER_PASSWORD_{User.ToUpperInvariant()}=";
        var line = (await File.ReadAllLinesAsync(file)).LastOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"local-node.sh add-user {User} left no {key[..^1]} in {file}");
        return line[key.Length..];
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();

        // Not cancellable: a node half started or half stopped must be finished off.
        await process.WaitForExitAsync(CancellationToken.None);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-node.sh {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}");
        }

        return await output;
    }

    /// <summary>The deploy script, looked for from the working folder and from the program's
    /// folder upwards, so the benchmark runs from anywhere in a checkout.</summary>
    private static string FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "deploy", "rabbitmq", "local-node.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ArgumentException("deploy/rabbitmq/local-node.sh not found above the working folder; run from the checkout or give --broker");
    }

    private static int[] FreeLoopbackPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
