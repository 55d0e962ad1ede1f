using System.Net;
using System.Net.Sockets;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Workload;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Bad settings are reported as one line naming the setting and the problem.</summary>
public sealed class ConfigurationErrorSpecs
{
    private static async Task<IReadOnlyList<string>> ProblemsOf(Dictionary<string, string?> settings)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var host = OpsTestHost.Build(settings, bus => bus.AddDispatch().AddWorkload());
            await OpsHost.PrepareAsync(host, CancellationToken.None);
        });
        var problems = OpsHost.Describe(error);
        Assert.True(problems is not null, $"not described as a configuration problem: {error}");
        return problems;
    }

    [Theory]
    [InlineData("Roster:Desks:0:TimeZone", "America/New_Yrok", "Roster:Desks:0:TimeZone: 'America/New_Yrok' is not a known IANA time zone")]
    [InlineData("Roster:Desks:1:Shifts:0", "8am-8pm", "Roster:Desks:1:Shifts:0: '8am-8pm' is not a shift")]
    [InlineData("Simulation:Speed", "0", "Simulation:Speed: 0 is not a positive speed")]
    [InlineData("Simulation:Speed", "-5", "Simulation:Speed: -5 is not a positive speed")]
    [InlineData("Simulation:Speed", "fast", "Simulation:Speed: 'fast' is not a valid number")]
    [InlineData("Simulation:Epoch", "next tuesday", "Simulation:Epoch: 'next tuesday' is not a valid date and time")]
    [InlineData("Messaging:Transport", "Carrier-pigeon", "Messaging:Transport: 'Carrier-pigeon' is not a valid MessageTransport")]
    [InlineData("Workload:IncidentsPerHour", "0", "Workload:IncidentsPerHour: 0 is not a positive rate")]
    [InlineData("Workload:IncidentsPerHour", "-1", "Workload:IncidentsPerHour: -1 is not a positive rate")]
    [InlineData("Dispatch:HandoffWindowMinutes", "0", "Dispatch:HandoffWindowMinutes: 0 is out of range")]
    [InlineData("Messaging:PrefetchCount", "0", "Messaging:PrefetchCount: 0 is out of range")]
    [InlineData("Messaging:PrefetchCount", "many", "Messaging:PrefetchCount: 'many' is not a valid whole number")]
    [InlineData("Messaging:PrefetchCount", "99999999999", "Messaging:PrefetchCount: '99999999999' is not a valid whole number")]
    [InlineData("Dispatch:HandoffWindowMinutes", "NaN", "Dispatch:HandoffWindowMinutes: NaN is out of range")]
    [InlineData("Dispatch:SnapshotIntervalSeconds", "NaN", "Dispatch:SnapshotIntervalSeconds: NaN is out of range")]
    [InlineData("Dispatch:ClockAnnounceIntervalSeconds", "NaN", "Dispatch:ClockAnnounceIntervalSeconds: NaN is out of range")]
    [InlineData("Simulation:Speed", "NaN", "Simulation:Speed: NaN is not a positive speed")]
    [InlineData("Simulation:Epoch", "9999-12-31T00:00:00Z", "Simulation:Epoch: 9999-12-31T00:00:00.0000000+00:00 is out of range (must be in the years 1970 to 3000)")]
    [InlineData("Messaging:ConcurrentMessageLimit", "-1", "Messaging:ConcurrentMessageLimit: -1 is out of range")]
    [InlineData("Messaging:WireFormat", "Xml", "Messaging:WireFormat: 'Xml' is not a valid MessageWireFormat")]
    [InlineData("Workload:Load:Seconds", "-5", "Workload:Load:Seconds: -5 is out of range")]
    [InlineData("Workload:Load:Seconds", "NaN", "Workload:Load:Seconds: NaN is not a number of wall seconds")]
    [InlineData("Workload:Load:Shape", "Wave", "Workload:Load:Shape: 'Wave' is not a valid LoadShape")]
    [InlineData("Workload:Load:Thresholds:0", "p99 raise→triage < 200 ms", "Workload:Load:Thresholds:0: 'p99 raise→triage < 200 ms': 'p99 raise→triage' is not a figure of the load")]
    [InlineData("Workload:Load:DispatchUrl", "dispatch:5101", "Workload:Load:DispatchUrl: 'dispatch:5101' is not an http(s) address")]
    public async Task A_bad_value_is_named_with_its_setting(string setting, string value, string expected)
    {
        var settings = DefaultRoster();
        settings[setting] = value;

        var problems = await ProblemsOf(settings);

        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlapping_shifts_of_one_desk_are_refused()
    {
        var settings = DefaultRoster();
        settings["Roster:Desks:0:Shifts:1"] = "19:00-23:00";

        var problem = Assert.Single(await ProblemsOf(settings));

        Assert.Equal("Roster:Desks:0:Shifts:1: shift 19:00-23:00 of desk 'us' overlaps its shift 08:00-20:00", problem);
    }

    [Fact]
    public async Task An_unreachable_broker_is_named_after_a_few_attempts()
    {
        var closedPort = ClosedLoopbackPort();
        var settings = DefaultRoster();
        settings["Messaging:Transport"] = "RabbitMq";
        settings["RabbitMq:Host"] = "127.0.0.1";
        settings["RabbitMq:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["RabbitMq:ConnectAttempts"] = "2";

        var problem = Assert.Single(await ProblemsOf(settings));

        Assert.StartsWith($"RabbitMq:Host/RabbitMq:Port: cannot reach the broker at amqp://127.0.0.1:{closedPort}/%2F after 2 attempt(s)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amqp://ops:secret@10.0.0.5:5672")]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.5:99999")]
    public async Task A_cluster_node_that_is_not_host_and_port_is_named_without_echoing_it(string node)
    {
        var settings = DefaultRoster();
        settings["Messaging:Transport"] = "RabbitMq";
        settings["RabbitMq:Host"] = "127.0.0.1";
        settings["RabbitMq:ClusterNodes:0"] = "127.0.0.1:5701";
        settings["RabbitMq:ClusterNodes:1"] = node;

        var problem = Assert.Single(await ProblemsOf(settings));

        Assert.Equal("RabbitMq:ClusterNodes:1: must be host:port (e.g. 10.0.0.5:5672), without a scheme or credentials", problem);
    }

    private static Dictionary<string, string?> DefaultRoster() => new()
    {
        ["Roster:Desks:0:Id"] = "us",
        ["Roster:Desks:0:TimeZone"] = "America/New_York",
        ["Roster:Desks:0:Shifts:0"] = "08:00-20:00",
        ["Roster:Desks:1:Id"] = "my",
        ["Roster:Desks:1:TimeZone"] = "Asia/Kuala_Lumpur",
        ["Roster:Desks:1:Shifts:0"] = "08:00-20:00",
    };

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
