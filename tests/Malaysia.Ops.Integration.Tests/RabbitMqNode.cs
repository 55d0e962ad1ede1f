using System.Globalization;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// A private RabbitMQ node for the test run, started and stopped by the project's own deploy
/// script (the one a developer uses), on free loopback ports, with a fresh virtual host per test
/// so MassTransit's durable topology from one test never leaks into the next.
/// </summary>
public sealed class RabbitMqNode : ITestBroker, IAsyncLifetime
{
    private readonly Dictionary<string, string> environment;
    private readonly TestBrokerUsers users;

    public RabbitMqNode()
    {
        var ports = FreePorts.Take(4);
        AmqpPort = ports[0];
        NodeName = $"ops-it-{Environment.ProcessId}";
        environment = new Dictionary<string, string>
        {
            ["OPS_RABBITMQ_NODE"] = NodeName,
            ["OPS_RABBITMQ_PORT"] = Text(ports[0]),
            ["OPS_RABBITMQ_MANAGEMENT_PORT"] = Text(ports[1]),
            ["OPS_RABBITMQ_PROMETHEUS_PORT"] = Text(ports[2]),
            ["OPS_RABBITMQ_DIST_PORT"] = Text(ports[3]),
            ["OPS_RABBITMQ_BASE"] = Path.Combine(Path.GetTempPath(), "malaysia-ops-it", NodeName),
        };
        users = new TestBrokerUsers((arguments, more) => Script(arguments, TimeSpan.FromMinutes(2), more));
    }

    public string NodeName { get; }

    public int AmqpPort { get; }

    /// <summary>One node: host and port say it all.</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync() => await Script("start", TimeSpan.FromMinutes(5));

    public async Task DisposeAsync() => await Script("stop --purge", TimeSpan.FromMinutes(2));

    public Task<OperationVirtualHost> CreateOperationVirtualHostAsync(string prefix) => users.CreateAsync(prefix);

    public Task DeleteVirtualHostAsync(string name) => Script($"delete-vhost {name}", TimeSpan.FromMinutes(1));

    /// <summary>Stops the broker application: every connection drops, the node stays up, as an
    /// operator restarting it would (<see cref="StartApplicationAsync"/> starts it again).</summary>
    public Task StopApplicationAsync() => Script("ctl stop_app", TimeSpan.FromMinutes(1));

    public Task StartApplicationAsync() => Script("ctl start_app", TimeSpan.FromMinutes(2));

    private async Task Script(string arguments, TimeSpan timeout, IDictionary<string, string>? more = null)
    {
        var result = await ProcessRunner.RunAsync(
            "bash",
            [RepositoryLayout.DeployScript("rabbitmq/local-node.sh"), .. arguments.Split(' ')],
            more is null ? environment : environment.Concat(more).ToDictionary(),
            timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-node.sh {arguments} failed: {result.Describe()}");
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class BrokerTests : ICollectionFixture<RabbitMqNode>
{
    public const string Name = "RabbitMQ node";
}
