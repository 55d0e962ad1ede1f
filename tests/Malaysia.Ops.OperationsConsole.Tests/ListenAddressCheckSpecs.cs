using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>The check that names a taken port before a host starts: it tries the addresses
/// Kestrel would listen on (an address, or every interface), and leaves alone an in-process
/// test server, which listens nowhere (the console's own API tests run on one while its
/// default port may be in use).</summary>
public sealed class ListenAddressCheckSpecs
{
    private static WebApplication Host(string urls, bool inProcess)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(urls);
        if (inProcess)
        {
            builder.WebHost.UseTestServer();
        }

        return builder.Build();
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}")]
    [InlineData("http://+:{0}")]
    [InlineData("http://localhost:{0}")]
    public async Task A_port_another_process_holds_is_named_before_kestrel_starts_and_not_under_a_test_server(string format)
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var url = string.Format(CultureInfo.InvariantCulture, format, ((IPEndPoint)taken.LocalEndpoint).Port);

            await using var kestrel = Host(url, inProcess: false);
            var problem = Assert.Throws<ConfigurationProblemException>(() => ListenAddressCheck.ThrowIfTaken(kestrel));
            Assert.Equal($"urls: {url}: address already in use ({ListenAddressCheck.AddressInUseAdvice})", problem.Message);

            await using var inProcess = Host(url, inProcess: true);
            ListenAddressCheck.ThrowIfTaken(inProcess);
        }
        finally
        {
            taken.Stop();
        }
    }
}
