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

var amqpPort = int.Parse(Setting("Broker:AmqpPort", "5682"), CultureInfo.InvariantCulture);
var broker = builder.AddExecutable("rabbitmq", "bash", root, "deploy/rabbitmq/local-node.sh", "run")
    .WithEnvironment("OPS_RABBITMQ_NODE", Setting("Broker:NodeName", "malaysia-ops-apphost"))
    .WithEnvironment("OPS_RABBITMQ_PORT", amqpPort.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("OPS_RABBITMQ_MANAGEMENT_PORT", Setting("Broker:ManagementPort", "15682"))
    .WithEnvironment("OPS_RABBITMQ_PROMETHEUS_PORT", Setting("Broker:PrometheusPort", "15702"))
    .WithEnvironment("OPS_RABBITMQ_DIST_PORT", Setting("Broker:DistributionPort", "25682"))
    .WithHealthCheck("rabbitmq-amqp");

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

IResourceBuilder<ProjectResource> Service<TProject>(string name)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithEnvironment("Messaging__Transport", "RabbitMq")
        .WithEnvironment("RabbitMq__Host", "127.0.0.1")
        .WithEnvironment("RabbitMq__Port", amqpPort.ToString(CultureInfo.InvariantCulture))
        .WithEnvironment("Simulation__Speed", Setting("Simulation:Speed", "1440"))
        .WithEnvironment("Simulation__Seed", Setting("Simulation:Seed", "42"))
        .WithEnvironment("Simulation__Epoch", Setting("Simulation:Epoch", "2026-07-13T00:00:00Z"))
        .WaitFor(broker);

var deskUs = Service<Projects.Malaysia_Ops_Desk_Us_Worker>("desk-us");
var deskMy = Service<Projects.Malaysia_Ops_Desk_My_Worker>("desk-my");
// Desks first: their queues must be bound before dispatch routes anything to them.
var dispatch = Service<Projects.Malaysia_Ops_Dispatch_Worker>("dispatch").WaitFor(deskUs).WaitFor(deskMy);
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
