namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// A virtual host set up as a deployment sets up malaysia-ops: the services' broker users with
/// the permissions of deploy/rabbitmq/definitions.json and nobody else, plus a witness for the
/// tests that may read every queue and exchange but write only to queues of its own.
/// </summary>
public sealed record OperationVirtualHost(string Name, ServiceUsers Users, BrokerLogin Witness);
