using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Messaging.Configuration;

public enum MessageTransport
{
    /// <summary>Separate processes on a RabbitMQ broker.</summary>
    RabbitMq,

    /// <summary>Everything in one process (the simulator, fast tests).</summary>
    InMemory,
}

/// <summary>How messages are written on RabbitMQ. Both are always read, so processes on
/// different settings (a rolling change) still understand each other.</summary>
public enum MessageWireFormat
{
    /// <summary>The message alone as JSON ("application/json"), MassTransit's headers (message
    /// id, message type, conversation) in the AMQP headers: about a third of the envelope's size.</summary>
    RawJson,

    /// <summary>MassTransit's JSON envelope ("application/vnd.masstransit+json"): the message
    /// inside a document that also carries the headers and the sending host.</summary>
    Envelope,
}

/// <summary>Section "Messaging".</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public MessageTransport Transport { get; set; } = MessageTransport.RabbitMq;

    /// <summary>Messages a receive endpoint takes from the broker ahead of processing: twice
    /// those processed at once, so the consumers stay busy while acknowledgements travel back
    /// to the broker.</summary>
    public int PrefetchCount { get; set; } = 512;

    /// <summary>Messages a receive endpoint processes at once (0: as many as PrefetchCount; more
    /// than PrefetchCount gains nothing, the endpoint never holds more). A consumer spends most
    /// of a message waiting for the broker to confirm what it publishes (a quorum queue
    /// confirms once its log is on disk: milliseconds to tens of milliseconds under load), so
    /// this is how many confirms a service waits for at once. At 32, dispatch fell behind a
    /// load of 300 incidents a second in the integration test; at 256 it kept pace with 1,500.</summary>
    public int ConcurrentMessageLimit { get; set; } = 256;

    /// <summary>How messages are written on RabbitMQ.</summary>
    public MessageWireFormat WireFormat { get; set; } = MessageWireFormat.RawJson;

    /// <summary>Redeliveries of a message whose consumer failed, with exponential backoff,
    /// before it goes to the error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>On RabbitMQ, the services' queues are quorum queues (replicated, durable;
    /// RabbitMQ 3.8 or later). A queue declared earlier as classic must be deleted first.</summary>
    public bool QuorumQueues { get; set; } = true;
}

/// <summary>Section "RabbitMq". Credentials come only from configuration or the environment
/// (RabbitMq__Username, RabbitMq__Password) and are never logged. The guest defaults only
/// work on loopback, which is the point: they are for a developer's own machine; outside
/// Development, guest against any other host is refused at start-up. Each service has a broker
/// user of its own in deploy/rabbitmq/definitions.json.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public bool UseTls { get; set; }

    /// <summary>With UseTls: a PEM or DER file holding the CA that signed the broker's certificate,
    /// trusted for the broker connection only. Empty: the machine's trust store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>How often to try the broker at start-up before giving up with a clear error.</summary>
    public int ConnectAttempts { get; set; } = 5;

    /// <summary>The nodes of a RabbitMQ cluster, "host:port" each ("RabbitMq:ClusterNodes:0",
    /// ...): the bus connects to one of them and, when that node is lost, to another (the quorum
    /// queues live on all of them). Empty: Host and Port only.</summary>
    public List<string> ClusterNodes { get; set; } = [];

    /// <summary>Where the broker is, for messages and logs: never the credentials.</summary>
    public string Describe() => $"amqp{(UseTls ? "s" : string.Empty)}://{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}

internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Transport))
        {
            problems.Add($"Messaging:Transport: '{options.Transport}' is not a transport; use RabbitMq or InMemory");
        }

        if (options.PrefetchCount is < 1 or > 10_000)
        {
            problems.Add($"Messaging:PrefetchCount: {options.PrefetchCount} is out of range (1 to 10000)");
        }

        if (options.ConcurrentMessageLimit is < 0 or > 10_000)
        {
            problems.Add($"Messaging:ConcurrentMessageLimit: {options.ConcurrentMessageLimit} is out of range (0 to 10000)");
        }

        if (!Enum.IsDefined(options.WireFormat))
        {
            problems.Add($"Messaging:WireFormat: '{options.WireFormat}' is not a wire format; use RawJson or Envelope");
        }

        if (options.RetryLimit is < 0 or > 20)
        {
            problems.Add($"Messaging:RetryLimit: {options.RetryLimit} is out of range (0 to 20)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
