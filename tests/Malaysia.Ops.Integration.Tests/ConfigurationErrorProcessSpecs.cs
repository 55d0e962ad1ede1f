using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>A service started with bad configuration says what is wrong in one line and exits
/// non-zero, without a stack trace, as a person running it from a shell would see it.</summary>
[Trait("Category", "Integration")]
public sealed class ConfigurationErrorProcessSpecs
{
    private static Task<ProcessRunner.Result> RunService(string project, Dictionary<string, string> environment)
    {
        var assembly = RepositoryLayout.ServiceAssembly(project);
        environment.TryAdd("ASPNETCORE_URLS", $"http://127.0.0.1:{FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture)}");
        return ProcessRunner.RunAsync("dotnet", [assembly], environment, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("Malaysia.Ops.Dispatch.Worker", "Roster__Desks__0__TimeZone", "Mars/Olympus_Mons", "error: Roster:Desks:0:TimeZone: 'Mars/Olympus_Mons' is not a known IANA time zone")]
    [InlineData("Malaysia.Ops.Dispatch.Worker", "Roster__Desks__1__Shifts__1", "07:00-09:00", "error: Roster:Desks:1:Shifts:1: shift 07:00-09:00 of desk 'my' overlaps its shift 08:00-20:00")]
    [InlineData("Malaysia.Ops.Workload.Worker", "Simulation__Speed", "-1440", "error: Simulation:Speed: -1440 is not a positive speed")]
    [InlineData("Malaysia.Ops.Workload.Worker", "Workload__IncidentsPerHour", "0", "error: Workload:IncidentsPerHour: 0 is not a positive rate")]
    [InlineData("Malaysia.Ops.Desk.UnitedStates.Worker", "Desk__Engineers", "zero", "error: Desk:Engineers: 'zero' is not a valid whole number")]
    public async Task A_bad_setting_stops_the_service_with_one_line_naming_it(string project, string variable, string value, string expected)
    {
        var result = await RunService(project, new Dictionary<string, string> { [variable] = value });

        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.StartsWith(expected, result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_broker_stops_the_service_with_one_line_naming_it()
    {
        var closedPort = FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture);

        var result = await RunService("Malaysia.Ops.Desk.Malaysia.Worker", new Dictionary<string, string>
        {
            ["RabbitMq__Host"] = "127.0.0.1",
            ["RabbitMq__Port"] = closedPort,
            ["RabbitMq__ConnectAttempts"] = "2",
        });

        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.StartsWith($"error: RabbitMq:Host/RabbitMq:Port: cannot reach the broker at amqp://127.0.0.1:{closedPort}/%2F after 2 attempt(s)", result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_port_another_process_holds_stops_the_service_with_one_line_naming_it()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}";

            var result = await RunService("Malaysia.Ops.Desk.UnitedStates.Worker", new Dictionary<string, string>
            {
                ["Messaging__Transport"] = "InMemory",
                ["ASPNETCORE_URLS"] = url,
            });

            Assert.True(result.ExitCode == 2, result.Describe());
            Assert.Equal($"error: urls: {url}: address already in use (another process listens there; choose a port with ASPNETCORE_URLS)", result.StandardError.Trim());
            Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("Hosting failed to start", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Guest_against_a_broker_that_is_not_on_this_machine_is_refused_outside_development()
    {
        // Refused by the settings check, before anything connects.
        var result = await RunService("Malaysia.Ops.Desk.UnitedStates.Worker", new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["RabbitMq__Host"] = "broker.malaysia-ops.invalid",
            ["RabbitMq__Username"] = "guest",
            ["RabbitMq__Password"] = "guest",
        });

        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.StartsWith("error: RabbitMq:Username: 'guest' is only for a broker on this machine in Development", result.StandardError.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_uri_with_credentials_as_the_host_is_refused_without_showing_the_password()
    {
        const string password = "uri-password-not-to-be-shown";
        var result = await RunService("Malaysia.Ops.Workload.Worker", new Dictionary<string, string>
        {
            ["RabbitMq__Host"] = $"amqp://workload:{password}@broker.malaysia-ops.invalid:5672/malaysia-ops",
        });

        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.StartsWith("error: RabbitMq:Host: must be a host name, not a connection URI", result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ca_certificate_that_does_not_exist_is_refused()
    {
        var result = await RunService("Malaysia.Ops.Dispatch.Worker", new Dictionary<string, string>
        {
            ["RabbitMq__UseTls"] = "true",
            ["RabbitMq__CaCertificatePath"] = "/nonexistent/malaysia-ops-ca.pem",
        });

        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.StartsWith("error: RabbitMq:CaCertificatePath: '/nonexistent/malaysia-ops-ca.pem' does not exist", result.StandardError.Trim(), StringComparison.Ordinal);
    }
}
