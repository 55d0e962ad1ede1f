using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;
using RabbitMQ.Client;

namespace Malaysia.Ops.Messaging;

public static class BrokerConnections
{
    /// <summary>A plain AMQP connection factory for the configured broker (outside MassTransit:
    /// the preflight check, queue depth on the console), named for the broker's connection list.</summary>
    public static ConnectionFactory ConnectionFactory(this RabbitMqOptions options, string clientName) => new()
    {
        HostName = options.Host,
        Port = options.Port,
        VirtualHost = options.VirtualHost,
        UserName = options.Username,
        Password = options.Password,
        ClientProvidedName = clientName,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        Ssl = new SslOption { Enabled = options.UseTls, ServerName = options.Host, CertificateValidationCallback = BrokerTls.CertificateValidation(options) },
    };
}
