using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// The whole operation with no Docker: a private RabbitMQ node run by the project's own script
// as an executable resource, the four services and the operations console as project
// resources, and the Aspire dashboard
// receiving their traces, metrics and logs. Stopping the AppHost stops everything it started.
var builder = DistributedApplication.CreateBuilder(args);
var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
string Setting(string key, string fallback) => builder.Configuration[key] is { Length: > 0 } value ? value : fallback;

const string VirtualHost = "malaysia-ops";

// Each launch is a run of its own unless Simulation:RunId names an earlier one, which dispatch
// then resumes from its ledger store (kept outside the source tree).
var runId = Setting("Simulation:RunId", $"run-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}");
var ledgerFolder = Directory.CreateDirectory(Setting("Dispatch:LedgerFolder", Path.Combine(Path.GetTempPath(), "malaysia-ops-apphost"))).FullName;
var amqpPort = int.Parse(Setting("Broker:AmqpPort", "5682"), CultureInfo.InvariantCulture);

// Both the node and the step that creates its users must address the same private node.
IResourceBuilder<ExecutableResource> OnNode(IResourceBuilder<ExecutableResource> script) => script
    .WithEnvironment("OPS_RABBITMQ_NODE", Setting("Broker:NodeName", "malaysia-ops-apphost"))
    .WithEnvironment("OPS_RABBITMQ_PORT", amqpPort.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("OPS_RABBITMQ_MANAGEMENT_PORT", Setting("Broker:ManagementPort", "15682"))
    .WithEnvironment("OPS_RABBITMQ_PROMETHEUS_PORT", Setting("Broker:PrometheusPort", "15702"))
    .WithEnvironment("OPS_RABBITMQ_DIST_PORT", Setting("Broker:DistributionPort", "25682"));

var broker = OnNode(builder.AddExecutable("rabbitmq", "bash", root, "deploy/rabbitmq/local-node.sh", "run"))
    .WithHealthCheck("rabbitmq-amqp");

// One broker user per service, each with only the permissions deploy/rabbitmq/definitions.json
// gives it. The passwords are secret parameters: set Parameters:<service>-broker-password (user
// secrets or the environment) to choose one, otherwise a random one is made for the run.
var brokerUsers = OnNode(builder.AddExecutable("broker-users", "bash", root, "deploy/rabbitmq/local-node.sh", "grant-services", VirtualHost))
    .WaitFor(broker);
var brokerPasswords = new Dictionary<string, IResourceBuilder<ParameterResource>>(StringComparer.Ordinal);
foreach (var user in new[] { "workload", "dispatch", "desk-us", "desk-my", "console" })
{
    var password = builder.AddParameter($"{user}-broker-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
    brokerPasswords[user] = password;
    brokerUsers.WithEnvironment($"OPS_BROKER_PASSWORD_{user.ToUpperInvariant().Replace('-', '_')}", password);
}

// Ready when the AMQP port answers; the services' own start-up check retries a broker that is
// still finishing its boot.
builder.Services.AddHealthChecks().AddCheck("rabbitmq-amqp", () =>
{
    try
    {
        using var client = new TcpClient();
        client.Connect("127.0.0.1", amqpPort);
        return HealthCheckResult.Healthy();
    }
    catch (SocketException e)
    {
        return HealthCheckResult.Unhealthy($"AMQP port {amqpPort}: {e.SocketErrorCode}");
    }
});

// Each service connects as the broker user named after it.
IResourceBuilder<ProjectResource> Service<TProject>(string name)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithEnvironment("Messaging__Transport", "RabbitMq")
        .WithEnvironment("RabbitMq__Host", "127.0.0.1")
        .WithEnvironment("RabbitMq__Port", amqpPort.ToString(CultureInfo.InvariantCulture))
        .WithEnvironment("RabbitMq__VirtualHost", VirtualHost)
        .WithEnvironment("RabbitMq__Username", name)
        .WithEnvironment("RabbitMq__Password", brokerPasswords[name])
        .WithEnvironment("Simulation__Speed", Setting("Simulation:Speed", "1440"))
        .WithEnvironment("Simulation__Seed", Setting("Simulation:Seed", "42"))
        .WithEnvironment("Simulation__Epoch", Setting("Simulation:Epoch", "2026-07-13T00:00:00Z"))
        .WithEnvironment("Simulation__RunId", runId)
        .WaitFor(broker)
        .WaitForCompletion(brokerUsers);

var deskUs = Service<Projects.Malaysia_Ops_Desk_UnitedStates_Worker>("desk-us");
var deskMy = Service<Projects.Malaysia_Ops_Desk_Malaysia_Worker>("desk-my");
// Desks first: their queues must be bound before dispatch routes anything to them.
var dispatch = Service<Projects.Malaysia_Ops_Dispatch_Worker>("dispatch")
    .WithEnvironment("Dispatch__LedgerStorePath", Path.Combine(ledgerFolder, "dispatch-ledger-{RunId}.db"))
    .WaitFor(deskUs)
    .WaitFor(deskMy);
Service<Projects.Malaysia_Ops_Workload_Worker>("workload").WaitFor(dispatch);

// The operations console attached to the run, in Development (its launch profile): the board
// and its controls at http://localhost:5180 (Console:Port) with no token unless Console:Token
// is set; the roster is the services' default one.
var console = Service<Projects.Malaysia_Ops_OperationsConsole>("console")
    .WithEnvironment("Console__Mode", "Attached")
    .WithEndpoint("http", endpoint => endpoint.Port = int.Parse(Setting("Console:Port", "5180"), CultureInfo.InvariantCulture))
    .WaitFor(dispatch);
if (builder.Configuration["Console:Token"] is { Length: > 0 } token)
{
    console.WithEnvironment("Console__Token", token);
}

builder.Build().Run();
