using RabbitMQ.Client;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>Where and as whom a client of the tests' own reaches a run's virtual host.</summary>
public sealed record BrokerAccess(int Port, string VirtualHost, BrokerLogin Login)
{
    public Task<IConnection> ConnectAsync(string clientName) => new ConnectionFactory
    {
        HostName = "127.0.0.1",
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = Login.User,
        Password = Login.Password,
        ClientProvidedName = clientName,
    }.CreateConnectionAsync();
}
