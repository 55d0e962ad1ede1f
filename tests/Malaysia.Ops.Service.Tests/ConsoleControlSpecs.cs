using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Ledger;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// What the operations console's controls do to the operation, as the services run it, in
/// virtual time so every figure is exact: a person taking the US desk's handoff at noon UTC,
/// a desk stopped, slowed, or losing or delaying its briefing.
/// </summary>
public sealed class ConsoleControlSpecs
{
    private static readonly DateTimeOffset Noon = new(2026, 7, 13, 12, 0, 0, TimeSpan.Zero);
    private const string Handoff = "HO-20260713T1200Z-my-us";

    private static Task<IHost> Operation() => DispatchAndDeskSpecs.StartOperation("2026-07-13T11:50:00Z");

    private static async Task Send(IHost host, object message) =>
        await host.Services.GetRequiredService<ITestHarness>().Bus.Publish(message);

    private static DateTimeOffset Now(IHost host) => host.Services.GetRequiredService<SimulationClock>().GetUtcNow();

    private static HandoffRecord? Completed(IHost host) =>
        DispatchAndDeskSpecs.Snapshot(host).Handoffs.SingleOrDefault(h => h.HandoffId == Handoff && h.Items.Count == 1 && h.Items.All(i => i.AcceptedAt is not null));

    [Fact]
    public async Task A_briefed_item_waits_for_the_person_and_the_time_they_take_is_its_latency()
    {
        using var host = await Operation();
        await Send(host, new DeskRehearsalModeSet("us", true, "test", Now(host)));
        await DispatchAndDeskSpecs.Raise(host, "INC-T0101", workMinutes: 25);

        await VirtualTime.RunFor(host, TimeSpan.FromMinutes(17));
        Assert.Null(Completed(host));
        await Send(host, new HandoffItemDecided(Handoff, "INC-T0101", "us", Accept: false, "Which ETL job?", "test", Now(host)));
        await VirtualTime.RunFor(host, TimeSpan.FromMinutes(5));
        await Send(host, new HandoffItemDecided(Handoff, "INC-T0101", "us", Accept: true, null, "test", Now(host)));

        var handoff = await VirtualTime.Until(host, () => Completed(host), "the person's acceptance to be booked", TimeSpan.FromMinutes(5));
        var item = Assert.Single(handoff.Items);
        Assert.Equal(12, item.LatencySimulatedMinutes);
        Assert.Equal(1, handoff.Queries);
        var harness = host.Services.GetRequiredService<ITestHarness>();
        Assert.Contains(harness.Published.Select<HandoffItemQueried>(), q => q.Context.Message.Question == "Which ETL job?");
        Assert.Contains(harness.Published.Select<DeskStateReported>(), r => r.Context.Message is { DeskId: "us", Human: true });
    }

    [Fact]
    public async Task A_dropped_briefing_leaves_the_handoff_to_be_escalated_by_dispatch_and_the_work_with_the_outgoing_desk()
    {
        using var host = await Operation();
        await Send(host, new DeskFaultInjected("my", DeskFault.DropNextBriefing, null, null, "test", Now(host)));
        await DispatchAndDeskSpecs.Raise(host, "INC-T0102", workMinutes: 25);

        var handoff = await VirtualTime.Until(
            host,
            () => DispatchAndDeskSpecs.Snapshot(host).Handoffs.SingleOrDefault(h => h.HandoffId == Handoff && h.Status == HandoffStatus.Escalated),
            "the handoff without a briefing to be escalated",
            TimeSpan.FromHours(2));

        Assert.Empty(handoff.Items);
        Assert.Empty(host.Services.GetRequiredService<ITestHarness>().Published.Select<HandoffBriefing>(b => b.Context.Message.HandoffId == Handoff));

        // The incident was never briefed, so it stays with the outgoing desk: not lost.
        var resolved = await VirtualTime.Until(
            host,
            () => DispatchAndDeskSpecs.Snapshot(host).Incidents.SingleOrDefault(i => i.IncidentId == "INC-T0102" && i.Status == IncidentStatus.Resolved),
            "the incident kept by the outgoing desk to be resolved",
            TimeSpan.FromHours(24));
        Assert.Equal("my", resolved.ResolvedByDeskId);
    }

    [Fact]
    public async Task A_delayed_briefing_goes_out_late_and_its_items_wait_for_it()
    {
        using var host = await Operation();
        await Send(host, new DeskFaultInjected("my", DeskFault.DelayNextBriefing, null, 30, "test", Now(host)));
        await DispatchAndDeskSpecs.Raise(host, "INC-T0103", workMinutes: 25);

        var handoff = await VirtualTime.Until(host, () => Completed(host), "the late briefing to be taken over", TimeSpan.FromHours(2));

        var briefing = Assert.Single(host.Services.GetRequiredService<ITestHarness>().Published.Select<HandoffBriefing>(b => b.Context.Message.HandoffId == Handoff));
        Assert.Equal(Noon.AddMinutes(30), briefing.Context.Message.SimulatedAt);
        Assert.Equal(33, Assert.Single(handoff.Items).LatencySimulatedMinutes);
    }

    [Fact]
    public async Task A_stopped_desk_does_nothing_until_resumed_then_takes_what_waited_for_it()
    {
        using var host = await Operation();
        await Send(host, new DeskFaultInjected("my", DeskFault.Stop, null, null, "test", Now(host)));
        await DispatchAndDeskSpecs.Raise(host, "INC-T0104", workMinutes: 5, Severity.Sev3);
        await VirtualTime.RunFor(host, TimeSpan.FromMinutes(5));

        Assert.Null(DispatchAndDeskSpecs.Snapshot(host).Incidents.Single(i => i.IncidentId == "INC-T0104").AcknowledgedAt);
        await Send(host, new DeskFaultInjected("my", DeskFault.Resume, null, null, "test", Now(host)));

        var resolved = await VirtualTime.Until(
            host,
            () => DispatchAndDeskSpecs.Snapshot(host).Incidents.SingleOrDefault(i => i.IncidentId == "INC-T0104" && i.Status == IncidentStatus.Resolved),
            "the held incident to be resolved",
            TimeSpan.FromHours(1));
        Assert.Equal(Noon.AddMinutes(-5), resolved.AcknowledgedAt);
        Assert.Equal(Noon, resolved.ResolvedAt);
    }

    [Fact]
    public async Task A_slowed_desk_takes_the_factor_times_as_long_over_new_work()
    {
        using var host = await Operation();
        await Send(host, new DeskFaultInjected("my", DeskFault.Slow, 2, null, "test", Now(host)));
        await DispatchAndDeskSpecs.Raise(host, "INC-T0105", workMinutes: 4, Severity.Sev3);

        var resolved = await VirtualTime.Until(
            host,
            () => DispatchAndDeskSpecs.Snapshot(host).Incidents.SingleOrDefault(i => i.IncidentId == "INC-T0105" && i.Status == IncidentStatus.Resolved),
            "the incident to be resolved");

        Assert.Equal(Noon.AddMinutes(-2), resolved.ResolvedAt);
    }
}
