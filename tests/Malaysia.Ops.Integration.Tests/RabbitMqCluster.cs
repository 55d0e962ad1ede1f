using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// A private three-node RabbitMQ cluster on this machine, started and stopped by the project's
/// own deploy script (deploy/rabbitmq/local-cluster.sh), on free loopback ports, so a test can
/// stop one node under load. The services are given all three nodes, and reconnect to another
/// when theirs is lost.
/// </summary>
public sealed class RabbitMqCluster : ITestBroker, IAsyncDisposable
{
    private const int Nodes = 3;
    private readonly Dictionary<string, string> environment;
    private readonly int basePort;
    private readonly TestBrokerUsers users;

    private RabbitMqCluster(int basePort)
    {
        this.basePort = basePort;
        var name = $"ops-it-cluster-{Environment.ProcessId}";
        environment = new Dictionary<string, string>
        {
            ["OPS_CLUSTER_NAME"] = name,
            ["OPS_CLUSTER_BASE_PORT"] = Text(basePort),
            ["OPS_CLUSTER_BASE"] = Path.Combine(Path.GetTempPath(), "malaysia-ops-it", name),
        };
        users = new TestBrokerUsers((arguments, more) => Script(arguments.StartsWith("ctl ", StringComparison.Ordinal) ? $"ctl 1 {arguments[4..]}" : arguments, TimeSpan.FromMinutes(2), more));
    }

    public int AmqpPort => NodePort(1);

    public IReadOnlyDictionary<string, string> ServiceSettings => Enumerable.Range(1, Nodes)
        .ToDictionary(node => $"RabbitMq__ClusterNodes__{node - 1}", node => $"127.0.0.1:{Text(NodePort(node))}");

    public static async Task<RabbitMqCluster> StartAsync()
    {
        var cluster = new RabbitMqCluster(FreeBasePort());
        await cluster.Script("start", TimeSpan.FromMinutes(6));
        return cluster;
    }

    public int NodePort(int node) => basePort + node;

    /// <summary>Vhosts, users and permissions are cluster-wide: set up through node 1.</summary>
    public Task<OperationVirtualHost> CreateOperationVirtualHostAsync(string prefix) => users.CreateAsync(prefix);

    /// <summary>Nothing to do: the cluster and everything on it goes when it is disposed.</summary>
    public Task DeleteVirtualHostAsync(string name) => Task.CompletedTask;

    /// <summary>Stops node <paramref name="node"/> (1 to 3) as a lost machine would go: the
    /// others carry on, two of three still a majority for the quorum queues.</summary>
    public Task StopNodeAsync(int node) => Script($"stop-node {Text(node)}", TimeSpan.FromMinutes(2));

    public async ValueTask DisposeAsync() => await Script("stop --purge", TimeSpan.FromMinutes(3));

    /// <summary>The queues of <paramref name="virtualHost"/> (type, messages, consumers) and the
    /// connections, as node <paramref name="node"/> sees them: what a failure needs explained.</summary>
    public async Task<string> DescribeAsync(int node, string virtualHost) =>
        (await Run($"ctl {Text(node)} list_queues -p {virtualHost} name type messages consumers leader", TimeSpan.FromMinutes(1))).Describe()
        + (await Run($"ctl {Text(node)} list_connections user peer_port vhost state", TimeSpan.FromMinutes(1))).Describe();

    private Task<ProcessRunner.Result> Run(string arguments, TimeSpan timeout, IDictionary<string, string>? more = null) => ProcessRunner.RunAsync(
        "bash",
        [RepositoryLayout.DeployScript("rabbitmq/local-cluster.sh"), .. arguments.Split(' ')],
        more is null ? environment : environment.Concat(more).ToDictionary(),
        timeout);

    private async Task<ProcessRunner.Result> Script(string arguments, TimeSpan timeout, IDictionary<string, string>? more = null)
    {
        var result = await Run(arguments, timeout, more);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh {arguments} failed: {result.Describe()}");
        }

        return result;
    }

    /// <summary>A base port whose every port the script derives (AMQP, management, Prometheus
    /// and Erlang distribution of each node) is free now.</summary>
    private static int FreeBasePort()
    {
        var random = new Random();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = random.Next(20_000, 40_000);
            var ports = Enumerable.Range(1, Nodes).SelectMany(i => new[] { candidate + i, candidate + 100 + i, candidate + 200 + i, candidate + 20_000 + i });
            if (ports.All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no free ports for a local RabbitMQ cluster");
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
