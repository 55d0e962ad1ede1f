using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Messaging.Chaos;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Chaos rules from configuration, on dispatch's consumers: duplicated deliveries are
/// taken once, an injected fault is redelivered by the retry policy, a delay holds the delivery
/// back.</summary>
public sealed class ChaosSpecs
{
    private static Task<IHost> Dispatch(params (string Key, string Value)[] chaos) => OpsTestHost.StartAsync(
        new Dictionary<string, string?>(chaos.Select(c => KeyValuePair.Create(c.Key, (string?)c.Value)))
        {
            ["Simulation:Epoch"] = "2026-07-13T02:00:00Z",
            ["Chaos:Enabled"] = "true",
            ["Chaos:Seed"] = "7",
        },
        bus => bus.AddDispatch());

    private static async Task Raise(IHost host, string id)
    {
        var clock = host.Services.GetRequiredService<SimulationClock>();
        await host.Services.GetRequiredService<ITestHarness>().Bus.Publish(
            new IncidentRaised(id, IncidentType.ModelDrift, Severity.Sev3, "iad-inference-1", "drift", 30, clock.GetUtcNow()));
    }

    [Fact]
    public async Task Every_delivery_duplicated_is_still_booked_and_routed_once()
    {
        using var host = await Dispatch(("Chaos:Rules:0:MessageType", "IncidentRaised"), ("Chaos:Rules:0:DuplicateRate", "1"));

        await Raise(host, "INC-X0001");
        await VirtualTime.Until(host, () => DispatchAndDeskSpecs.Snapshot(host).Summary.DuplicatesIgnored >= 1 ? DispatchAndDeskSpecs.Snapshot(host) : null, "the duplicate to be ignored");

        Assert.Single(DispatchAndDeskSpecs.Snapshot(host).Incidents, i => i.IncidentId == "INC-X0001");
        Assert.Single(host.Services.GetRequiredService<ITestHarness>().Published.Select<IncidentAssigned>(m => m.Context.Message.IncidentId == "INC-X0001"));
        Assert.Equal(1, host.Services.GetRequiredService<ChaosPipelines>().Counts.Duplicates);
    }

    [Fact]
    public async Task An_injected_fault_is_redelivered_by_the_retry_policy_until_it_gives_up()
    {
        using var host = await Dispatch(("Chaos:Rules:0:MessageType", "IncidentRaised"), ("Chaos:Rules:0:FaultRate", "1"), ("Messaging:RetryLimit", "2"));
        var chaos = host.Services.GetRequiredService<ChaosPipelines>();

        await Raise(host, "INC-X0002");
        await VirtualTime.RunFor(host, TimeSpan.FromMinutes(1));

        // The first delivery and two redeliveries, every one hit; nothing was booked.
        Assert.Equal(3, chaos.Counts.Faults);
        Assert.Empty(DispatchAndDeskSpecs.Snapshot(host).Incidents);
    }

    [Fact]
    public async Task A_delay_holds_the_delivery_back_and_it_is_then_handled()
    {
        using var host = await Dispatch(("Chaos:Rules:0:MessageType", "*"), ("Chaos:Rules:0:LatencyRate", "1"), ("Chaos:Rules:0:LatencyMilliseconds", "50"));

        await Raise(host, "INC-X0003");
        var incident = await VirtualTime.Until(host, () => DispatchAndDeskSpecs.Snapshot(host).Incidents.SingleOrDefault(i => i.IncidentId == "INC-X0003"), "the delayed incident to be booked");

        Assert.Equal("my", incident.AssignedDeskId);
        Assert.True(host.Services.GetRequiredService<ChaosPipelines>().Counts.Delays >= 1);
    }
}
