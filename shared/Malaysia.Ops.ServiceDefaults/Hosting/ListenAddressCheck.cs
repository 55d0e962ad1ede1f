using System.Net;
using System.Net.Sockets;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.ServiceDefaults.Hosting;

/// <summary>
/// Before a web host starts, tries each address it is told to listen on, so a port another
/// process holds is reported as one line naming the setting. Left to the server, the same
/// problem is logged by the host as "Hosting failed to start" with a stack trace before the
/// service can say anything.
/// </summary>
public static class ListenAddressCheck
{
    /// <summary>What the error says after the address; also used when the server itself is the
    /// first to find the port taken (another process took it after this check).</summary>
    public const string AddressInUseAdvice = "another process listens there; choose a port with ASPNETCORE_URLS";

    /// <exception cref="ConfigurationProblemException">An address is taken or cannot be
    /// listened on.</exception>
    public static void ThrowIfTaken(IHost host)
    {
        // Only Kestrel listens on the configured addresses; an in-process test server does not.
        if (host.Services.GetService<IServer>()?.GetType().Assembly != typeof(KestrelServerOptions).Assembly)
        {
            return;
        }

        var configuration = host.Services.GetRequiredService<IConfiguration>();
        foreach (var (setting, address) in Addresses(configuration))
        {
            if (EndPointOf(address) is not { } endPoint)
            {
                continue;
            }

            // Disposed whether or not it could listen, so the check holds no socket.
            using var listener = new TcpListener(endPoint);
            try
            {
                if (endPoint.Address.Equals(IPAddress.IPv6Any))
                {
                    listener.Server.DualMode = true;
                }

                listener.Start();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new ConfigurationProblemException(setting, $"{address}: address already in use ({AddressInUseAdvice})");
            }
            catch (SocketException e)
            {
                throw new ConfigurationProblemException(setting, $"{address}: cannot listen there: {e.Message}");
            }
        }
    }

    // The addresses the server will bind, as ASP.NET Core reads them: "urls" (ASPNETCORE_URLS,
    // UseUrls) wins over "http_ports" / "https_ports", which listen on every interface.
    private static IEnumerable<(string Setting, BindingAddress Address)> Addresses(IConfiguration configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return Split(urls).Select(url => ("urls", BindingAddress.Parse(url)));
        }

        return new[] { (Setting: "http_ports", Scheme: "http"), (Setting: "https_ports", Scheme: "https") }
            .SelectMany(p => Split(configuration[p.Setting]).Select(port => (p.Setting, BindingAddress.Parse($"{p.Scheme}://*:{port}"))));
    }

    private static string[] Split(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    // Port 0 (any free port) and Unix sockets cannot be taken in advance; "localhost" is bound
    // on loopback, a name or wildcard on every interface (IPv6 and IPv4 where the machine has
    // IPv6), as the server does.
    private static IPEndPoint? EndPointOf(BindingAddress address)
    {
        if (address.IsUnixPipe || address.Port <= 0)
        {
            return null;
        }

        var ip = IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) ? parsed
            : string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any;
        return new IPEndPoint(ip, address.Port);
    }
}
