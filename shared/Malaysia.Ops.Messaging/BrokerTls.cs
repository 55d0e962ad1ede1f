using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// How a TLS connection to the broker decides whether to trust the broker's certificate: with
/// no RabbitMq:CaCertificatePath, the machine's trust store (the default of .NET); with one, a
/// chain that ends in that CA and nothing else, so a broker whose certificate comes from a
/// private CA is trusted without installing that CA machine-wide. The host name is always checked.
/// </summary>
public static class BrokerTls
{
    public static RemoteCertificateValidationCallback? CertificateValidation(RabbitMqOptions options)
    {
        if (!options.UseTls || string.IsNullOrEmpty(options.CaCertificatePath))
        {
            return null;
        }

        var authority = X509CertificateLoader.LoadCertificateFromFile(options.CaCertificatePath);
        return (_, certificate, _, errors) =>
        {
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = new X509Certificate2(certificate);
            return chain.Build(presented);
        };
    }
}
