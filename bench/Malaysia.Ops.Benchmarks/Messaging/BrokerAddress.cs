using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>Where the broker is: the same settings the services read from section RabbitMq.</summary>
public sealed record BrokerAddress(string Host, int Port, string VirtualHost, string Username, string Password)
{
    /// <summary>From amqp://user:password@host:port/vhost (user, password, port and vhost may be
    /// left out: guest, guest, 5672, /).</summary>
    public static BrokerAddress Parse(string option, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "amqp" || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"{option}: '{text}' is not an amqp://[user:password@]host[:port][/vhost] address");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(
            uri.Host,
            uri.IsDefaultPort ? 5672 : uri.Port,
            path.Length == 0 ? "/" : path,
            credentials[0].Length == 0 ? "guest" : Uri.UnescapeDataString(credentials[0]),
            credentials.Length < 2 ? "guest" : Uri.UnescapeDataString(credentials[1]));
    }

    public BrokerAddress WithVirtualHost(string virtualHost) => this with { VirtualHost = virtualHost };

    /// <summary>The configuration keys a service process would be given for this broker.</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsConfiguration() =>
    [
        new($"{RabbitMqOptions.Section}:Host", Host),
        new($"{RabbitMqOptions.Section}:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"{RabbitMqOptions.Section}:VirtualHost", VirtualHost),
        new($"{RabbitMqOptions.Section}:Username", Username),
        new($"{RabbitMqOptions.Section}:Password", Password),
    ];

    public RabbitMqOptions AsOptions() => new() { Host = Host, Port = Port, VirtualHost = VirtualHost, Username = Username, Password = Password };

    /// <summary>The address to pass on the command line (the password included: it only goes
    /// to a child process of the benchmark).</summary>
    public string ToUri() =>
        $"amqp://{Uri.EscapeDataString(Username)}:{Uri.EscapeDataString(Password)}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";

    public override string ToString() => $"amqp://{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
