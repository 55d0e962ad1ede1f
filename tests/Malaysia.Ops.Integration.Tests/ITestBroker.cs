namespace Malaysia.Ops.Integration.Tests;

/// <summary>A broker the tests start for themselves: one node, or a cluster of three.</summary>
public interface ITestBroker
{
    /// <summary>The AMQP port the services and witnesses connect to first.</summary>
    int AmqpPort { get; }

    /// <summary>What every service needs besides host, port and virtual host to reach this
    /// broker (a cluster's nodes), as environment variables.</summary>
    IReadOnlyDictionary<string, string> ServiceSettings { get; }

    /// <summary>Creates a fresh virtual host with the services' users as deployed.</summary>
    Task<OperationVirtualHost> CreateOperationVirtualHostAsync(string prefix);

    Task DeleteVirtualHostAsync(string name);
}
