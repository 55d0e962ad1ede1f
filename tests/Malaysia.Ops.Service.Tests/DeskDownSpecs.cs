using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Ledger;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// A desk that is down (its process silent past dispatch's limit) when its handoff closes with
/// no briefing does not keep its work: dispatch gives every open incident it held to the desk
/// that is up, and a restarted dispatch decides the same from its store. A desk merely quiet
/// (dark, or its lead walked away without briefing) keeps its work. The desk that was down,
/// should it come back, drops what was given away and takes none of its stale assignments.
/// </summary>
public sealed class DeskDownSpecs : IDisposable
{
    private const string RunId = "desk-down-specs";
    private static readonly DateTimeOffset Morning = new(2026, 7, 13, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Noon = Morning.Date.AddHours(12);
    private readonly string folder = Directory.CreateTempSubdirectory("malaysia-ops-desk-down-").FullName;

    private string StorePath => Path.Combine(folder, "dispatch-{RunId}.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A Malaysian morning: three incidents picked up by the MY desk, one of them resolved, then
    /// its noon shift end with no briefing, and the handoff window closing at 13:00.</summary>
    private static JournalEntry MorningWithNoBriefing(DurableDispatch dispatch, IReadOnlyList<string> downAtTheDeadline)
    {
        for (var i = 1; i <= 3; i++)
        {
            dispatch.Apply(new IncidentRaised($"INC-D000{i}", IncidentType.DataPipelineLag, Severity.Sev2, "kul-etl-1", "lag", 45 * i, Morning.AddMinutes(i)), $"raise-{i}");
        }

        for (var i = 1; i <= 3; i++)
        {
            // Picked up in time, so none is escalated for its acknowledgement target.
            dispatch.Apply(new IncidentAcknowledged($"INC-D000{i}", "my", Morning.AddMinutes(4 + i)), $"ack-{i}");
        }

        dispatch.Apply(new IncidentResolved("INC-D0001", "my", Morning.AddMinutes(50)), "resolve-1");
        Assert.Single(dispatch.Advance(Morning, Noon, []).Outputs.OfType<ShiftEnding>());
        return dispatch.Advance(Noon, Noon.AddHours(2), downAtTheDeadline);
    }

    [Fact]
    public void The_open_work_of_a_desk_down_at_its_unbriefed_handoff_goes_to_the_desk_that_is_up_and_a_replay_decides_the_same()
    {
        string before;
        using (var first = LedgerStoreSpecs.DispatchOnStore(StorePath, RunId, Morning))
        {
            var closed = MorningWithNoBriefing(first.Services.GetRequiredService<DurableDispatch>(), ["my"]);

            var reassigned = closed.Outputs.OfType<IncidentAssigned>().OrderBy(a => a.IncidentId, StringComparer.Ordinal).ToList();
            Assert.Equal(["INC-D0002", "INC-D0003"], reassigned.Select(a => a.IncidentId));
            Assert.All(reassigned, a => Assert.Equal("us", a.DeskId));
            Assert.Equal([90.0, 135.0], reassigned.Select(a => a.WorkMinutes));
            var notices = closed.Outputs.OfType<IncidentEscalated>().ToList();
            Assert.Equal(2, notices.Count);
            Assert.All(notices, n => Assert.True(n is { TakenWhileDown: true, FromDeskId: "my", DeskId: "us", Paged: false }, $"not a notice to the down desk: {n}"));
            Assert.All(notices, n => Assert.Equal("no briefing from my, which is down: given to us", n.Reason));
            Assert.Contains(closed.Outputs.OfType<HandoffEscalated>(), e => e.IncidentId.Length == 0 && e.FromDeskId == "my");

            var ledger = first.Services.GetRequiredService<DispatchCoordinator>().Snapshot(Morning, DateTimeOffset.UnixEpoch);
            Assert.All(ledger.Incidents.Where(i => i.Status == IncidentStatus.Open), i => Assert.Equal("us", i.OwnerDeskId));
            before = LedgerStoreSpecs.Ledger(first);
        }

        using var second = LedgerStoreSpecs.DispatchOnStore(StorePath, RunId, Morning);
        Assert.Equal(before, LedgerStoreSpecs.Ledger(second));
    }

    [Fact]
    public void A_desk_that_is_quiet_but_up_keeps_its_work_when_its_handoff_closes_unbriefed()
    {
        using var host = LedgerStoreSpecs.DispatchOnStore(StorePath, RunId, Morning);
        var closed = MorningWithNoBriefing(host.Services.GetRequiredService<DurableDispatch>(), []);

        Assert.Empty(closed.Outputs.OfType<IncidentAssigned>());
        Assert.Empty(closed.Outputs.OfType<IncidentEscalated>());
        var ledger = host.Services.GetRequiredService<DispatchCoordinator>().Snapshot(Morning, DateTimeOffset.UnixEpoch);
        Assert.All(ledger.Incidents.Where(i => i.Status == IncidentStatus.Open), i => Assert.Equal("my", i.OwnerDeskId));
    }

    [Fact]
    public async Task A_desk_told_its_incident_was_given_away_while_it_was_down_drops_it_and_takes_no_stale_assignment_of_it()
    {
        using var host = await DispatchAndDeskSpecs.StartOperation("2026-07-13T02:00:00Z");
        var harness = host.Services.GetRequiredService<ITestHarness>();
        var clock = host.Services.GetRequiredService<SimulationClock>();
        await DispatchAndDeskSpecs.Raise(host, "INC-D0010", workMinutes: 240);
        await VirtualTime.Until(host, () => DispatchAndDeskSpecs.Snapshot(host).Incidents.SingleOrDefault(i => i.IncidentId == "INC-D0010" && i.AcknowledgedAt is not null), "INC-D0010 to be picked up");
        var staleAssignment = harness.Published.Select<IncidentAssigned>(a => a.Context.Message.IncidentId == "INC-D0010").Single().Context.Message;

        // Being worked on the MY desk when the notice comes; then the stale assignment again.
        await harness.Bus.Publish(new IncidentEscalated("INC-D0010", "my", "us", false, "us-2026-07-12-day", clock.GetUtcNow(), "no briefing from my, which is down: given to us", clock.GetUtcNow(), TakenWhileDown: true));
        await VirtualTime.RunFor(host, TimeSpan.FromMinutes(5));
        await harness.Bus.Publish(staleAssignment);
        await VirtualTime.RunFor(host, TimeSpan.FromHours(11));

        Assert.False(await harness.Published.Any<IncidentResolved>(r => r.Context.Message.IncidentId == "INC-D0010"), "the MY desk worked on an incident given away");
        var briefings = harness.Published.Select<HandoffBriefing>(b => b.Context.Message.FromDeskId == "my").Select(b => b.Context.Message).ToList();
        Assert.DoesNotContain(briefings.SelectMany(b => b.Items), i => i.IncidentId == "INC-D0010");
    }
}
