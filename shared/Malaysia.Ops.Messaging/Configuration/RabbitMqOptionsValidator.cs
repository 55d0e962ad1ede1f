using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Messaging.Configuration;

/// <summary>Checks the broker settings before anything connects. No message repeats a value that
/// may hold a secret: a host that looks like a connection URI is refused without echoing it.</summary>
internal sealed class RabbitMqOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<RabbitMqOptions>
{
    private const string Guest = "guest";

    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        var problems = new List<string>();
        if (LooksLikeUri(options.Host))
        {
            // "amqp://user:password@host" would put a password where logs and error messages
            // show the host; credentials belong in RabbitMq:Username and RabbitMq:Password.
            problems.Add("RabbitMq:Host: must be a host name, not a connection URI (not shown, it may hold a password); put the user and password in RabbitMq:Username and RabbitMq:Password");
        }
        else if (string.IsNullOrWhiteSpace(options.Host) || Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            problems.Add($"RabbitMq:Host: '{options.Host}' is not a host name");
        }

        if (options.Port is < 1 or > 65535)
        {
            problems.Add($"RabbitMq:Port: {options.Port} is not a TCP port");
        }

        for (var i = 0; i < options.ClusterNodes.Count; i++)
        {
            if (!IsNode(options.ClusterNodes[i]))
            {
                // Not echoed: a URI there may hold a password.
                problems.Add($"RabbitMq:ClusterNodes:{i}: must be host:port (e.g. 10.0.0.5:5672), without a scheme or credentials");
            }
        }

        if (string.IsNullOrEmpty(options.VirtualHost))
        {
            problems.Add("RabbitMq:VirtualHost: must not be empty ('/' is the default virtual host)");
        }

        if (string.IsNullOrEmpty(options.Username))
        {
            problems.Add("RabbitMq:Username: must not be empty");
        }

        if (string.IsNullOrEmpty(options.Password))
        {
            problems.Add("RabbitMq:Password: must not be empty");
        }

        if (string.Equals(options.Username, Guest, StringComparison.Ordinal)
            && environment is not null && !environment.IsDevelopment()
            && !LooksLikeUri(options.Host) && !IsLoopback(options.Host))
        {
            // The broker refuses guest from anywhere but loopback anyway; saying so here names
            // the setting instead of a refused login.
            problems.Add($"RabbitMq:Username: 'guest' is only for a broker on this machine in Development; '{options.Host}' is not a loopback address, so give this service its own broker user (deploy/rabbitmq/definitions.json)");
        }

        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            if (!options.UseTls)
            {
                problems.Add("RabbitMq:CaCertificatePath: is set but RabbitMq:UseTls is false; turn TLS on or remove the CA");
            }
            else if (!File.Exists(options.CaCertificatePath))
            {
                problems.Add($"RabbitMq:CaCertificatePath: '{options.CaCertificatePath}' does not exist");
            }
        }

        if (options.ConnectAttempts is < 1 or > 100)
        {
            problems.Add($"RabbitMq:ConnectAttempts: {options.ConnectAttempts} is out of range (1 to 100)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>"host:port", as MassTransit's cluster configuration takes a node.</summary>
    private static bool IsNode(string? node) =>
        node is not null
        && !LooksLikeUri(node)
        && node.LastIndexOf(':') is > 0 and var colon
        && Uri.CheckHostName(node[..colon]) != UriHostNameType.Unknown
        && int.TryParse(node[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
        && port is >= 1 and <= 65535;

    private static bool LooksLikeUri(string? host) =>
        host is not null && (host.Contains("://", StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal));

    internal static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
