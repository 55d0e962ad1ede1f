using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Ledger;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// A desk that starts says so, from a process of its own; when dispatch hears of a start from
/// another process (a restart) it gives the desk back the open work it owns. A desk that still
/// holds an incident takes the second assignment as the one it has, so nothing is worked twice.
/// </summary>
public sealed class DeskRestartSpecs
{
    private static DateTimeOffset Now(IHost host) => host.Services.GetRequiredService<SimulationClock>().GetUtcNow();

    [Fact]
    public async Task Dispatch_gives_a_started_desk_the_open_work_it_owns_and_a_desk_that_holds_it_works_it_once()
    {
        using var host = await DispatchAndDeskSpecs.StartOperation("2026-07-13T02:00:00Z");
        var harness = host.Services.GetRequiredService<ITestHarness>();
        Assert.True(await harness.Published.Any<DeskStateReported>(r => r.Context.Message is { DeskId: "my", Started: true }));
        await DispatchAndDeskSpecs.Raise(host, "INC-T0201", workMinutes: 40);
        await VirtualTime.RunFor(host, TimeSpan.FromMinutes(10));

        // The first start gave nothing out again: a desk that never ran before lost nothing.
        Assert.Single(harness.Published.Select<IncidentAssigned>(a => a.Context.Message.IncidentId == "INC-T0201"));

        await harness.Bus.Publish(new DeskStateReported("my", false, [], Now(host), Started: true, Instance: Guid.NewGuid()));
        var resolved = await VirtualTime.Until(
            host,
            () => DispatchAndDeskSpecs.Snapshot(host).Incidents.SingleOrDefault(i => i.IncidentId == "INC-T0201" && i.Status == IncidentStatus.Resolved),
            "INC-T0201 to be resolved");

        var assignments = harness.Published.Select<IncidentAssigned>(a => a.Context.Message.IncidentId == "INC-T0201").ToList();
        Assert.Equal(2, assignments.Count);
        Assert.All(assignments, a => Assert.Equal("my", a.Context.Message.DeskId));
        Assert.Equal(40, assignments[1].Context.Message.WorkMinutes);

        // Held already: worked once, from its first acknowledgement, and resolved once.
        Assert.Equal(new DateTimeOffset(2026, 7, 13, 2, 40, 0, TimeSpan.Zero), resolved.ResolvedAt);
        Assert.Single(harness.Published.Select<IncidentResolved>(r => r.Context.Message.IncidentId == "INC-T0201"));
    }
}
