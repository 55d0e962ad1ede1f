using System.Diagnostics;
using Malaysia.Ops.Domain.Ledger;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The Malaysian desk is killed (kill -9) in the morning, at a seeded random moment, and stays
/// down past its noon shift end. Its handoff closes with no briefing; dispatch, which has not
/// heard from the desk's process for longer than its limit, gives every open incident the desk
/// held (and those routed to it while it was down) to the US desk, which resolves them. The desk
/// is then started again: it takes none of the stale assignments still in its queue, so nothing
/// is worked twice. The test prints the figures: raised, accounted, lost, double-handled, and
/// how long after the kill the US desk had the work.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class DeskDownPastItsHandoffSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Noon = Epoch.Date.AddHours(12);
    private const int Seed = 4711;

    private OperationProcesses operation = null!;

    public async Task InitializeAsync() => operation = await OperationProcesses.CreateAsync(
        broker,
        "desk-down",
        Epoch,
        speed: 720,
        Seed,
        settings: new Dictionary<string, string>
        {
            // Down after six silent wall seconds (an hour and twelve minutes simulated).
            ["Desk__HeartbeatSeconds"] = "1",
            ["Dispatch__DeskSilenceSeconds"] = "6",
        });

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    [Trait("Category", ReliabilityFigures.Category)]
    public async Task A_desk_down_past_its_handoff_has_its_work_given_to_the_desk_that_is_up_and_works_none_of_it_when_it_returns()
    {
        await using var accounting = await IncidentAccounting.StartAsync(operation);
        var (_, deskMy) = await operation.StartDesksAsync();
        await operation.StartDispatchAsync();
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 12);

        // Late in the Malaysian shift (00:00 to 12:00 UTC), at a moment drawn from the seed.
        var killAt = Epoch.AddMinutes(new Random(Seed).Next(120, 200));
        var beforeKill = await operation.WaitForSnapshotAsync(s => s.SimulatedAt >= killAt, $"the simulated time {killAt:HH:mm}", TimeSpan.FromMinutes(2));
        var killed = Stopwatch.StartNew();
        await deskMy.KillAsync();

        // The noon handoff closes unbriefed at 13:00; everything the MY desk held goes to the US desk.
        var handedOn = await operation.WaitForSnapshotAsync(
            s => s.Handoffs.Any(h => h.Direction == "my->us" && h.Status == HandoffStatus.Escalated)
                && s.Incidents.Where(i => i.Status == IncidentStatus.Open).All(i => i.OwnerDeskId != "my"),
            "the MY desk's work given to the US desk",
            TimeSpan.FromMinutes(2));
        var handedOnAfter = killed.Elapsed;
        var heldByMy = beforeKill.Incidents.Where(i => i.Status == IncidentStatus.Open && i.OwnerDeskId == "my").Select(i => i.IncidentId).ToList();
        var routedToMyWhileDown = handedOn.Incidents.Count(i => i.AssignedDeskId == "my" && i.RaisedAt > killAt && i.RaisedAt < Noon);

        // Back after its work went elsewhere, with stale assignments in its queue.
        await operation.StartReadyAsync("Malaysia.Ops.Desk.Malaysia.Worker");
        await operation.WaitForSnapshotAsync(s => s.SimulatedAt >= Noon.AddHours(3), "15:00 simulated", TimeSpan.FromMinutes(2));
        var account = await accounting.SettleAsync(operation, workload);
        var ledger = account.Ledger;
        var withUs = heldByMy.Count(id => handedOn.Incidents.Single(i => i.IncidentId == id).OwnerDeskId == "us");
        log.WriteLine($"killed the MY desk at {killAt:HH:mm} simulated holding {heldByMy.Count} open incident(s); {routedToMyWhileDown} more routed to it while down");
        log.WriteLine($"noon handoff {handedOn.Handoffs.Single(h => h.Direction == "my->us").Status}; {withUs} of the {heldByMy.Count} with the US desk after it");
        log.WriteLine(account.ToString());
        log.WriteLine($"recovery: the US desk had the work {handedOnAfter.TotalSeconds:0.0} s after kill -9");
        account.Figures("desk down past its handoff", handedOnAfter.TotalSeconds).WriteTo(log);

        Assert.True(heldByMy.Count > 0, "the MY desk held nothing when it was killed; the test proved nothing");
        // Each went to the US desk at the handoff, unless the MY desk finished it between the
        // snapshot and the kill. (What the US desk has not finished by its own shift end it
        // hands back to the MY desk, up again by then, as on any day.)
        Assert.All(heldByMy.Select(id => handedOn.Incidents.Single(i => i.IncidentId == id)), incident => Assert.True(
            incident.OwnerDeskId == "us" || (incident.ResolvedByDeskId == "my" && incident.ResolvedAt <= killAt.AddMinutes(30)),
            $"{incident.IncidentId}, held by the MY desk when it was killed, was with {incident.OwnerDeskId} after the noon handoff (resolved by {incident.ResolvedByDeskId} at {incident.ResolvedAt:HH:mm})"));
        account.AssertEveryIncidentAccountedForOnce();
    }
}
