using System.Diagnostics;
using Malaysia.Ops.Domain.Ledger;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// Dispatch is killed (kill -9) while the noon handoff from the Malaysian desk to the US desk
/// is open, at a seeded random moment, and started again on the same ledger store. It comes
/// back with its ledger, the open handoff and its deadline, and the run's clock; what the desks
/// sent while it was down waits on its queue. Every incident raised is accounted for once and
/// resolved once, and every item of the handoff is accepted or escalated. The test prints the
/// figures: raised, accounted, lost, double-handled, and how long dispatch took to come back.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class DispatchKilledMidHandoffSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Noon = Epoch.Date.AddHours(12);
    private const int Seed = 1207;

    private OperationProcesses operation = null!;

    public async Task InitializeAsync() => operation = await OperationProcesses.CreateAsync(broker, "dispatch-killed", Epoch, speed: 720, Seed);

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    [Trait("Category", ReliabilityFigures.Category)]
    public async Task Dispatch_killed_mid_handoff_and_restarted_resumes_its_ledger_and_timers_and_loses_nothing()
    {
        await using var accounting = await IncidentAccounting.StartAsync(operation);
        await operation.StartDesksAsync();
        var dispatch = await operation.StartDispatchAsync();
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 12);

        // While the noon handoff's window is open (it opens at 12:00 and runs an hour), at a
        // moment drawn from the seed.
        var killAt = Noon.AddMinutes(new Random(Seed).Next(2, 25));
        var beforeKill = await operation.WaitForSnapshotAsync(
            s => s.SimulatedAt >= killAt && s.Handoffs.Any(h => h.Direction == "my->us"),
            $"the noon handoff open at {killAt:HH:mm}",
            TimeSpan.FromMinutes(2));
        var noonAtKill = beforeKill.Handoffs.Single(h => h.Direction == "my->us");
        var killed = Stopwatch.StartNew();
        await dispatch.KillAsync();
        var restarted = await operation.StartDispatchAsync();
        var readyAfter = killed.Elapsed;

        // Recovered: the restarted dispatch has its ledger back and routes new incidents again.
        var known = beforeKill.Incidents.Count;
        var resumed = await operation.WaitForSnapshotAsync(s => s.Incidents.Count > known + 1, "the restarted dispatch to route new incidents", TimeSpan.FromMinutes(1));
        var routingAfter = killed.Elapsed;

        // Let the handoff close and the afternoon run on, then every incident be resolved.
        await operation.WaitForSnapshotAsync(s => s.SimulatedAt >= Noon.AddHours(2), "14:00 simulated", TimeSpan.FromMinutes(2));
        var account = await accounting.SettleAsync(operation, workload);
        var ledger = account.Ledger;
        var noon = ledger.Handoffs.Single(h => h.Direction == "my->us");
        log.WriteLine($"killed dispatch at {killAt:HH:mm} simulated, {known} incidents booked, noon handoff {noonAtKill.Status} with {noonAtKill.Items.Count} item(s) ({noonAtKill.Items.Count(i => i.AcceptedAt is not null)} accepted)");
        log.WriteLine($"noon handoff after the restart: {noon.Status}, {noon.Items.Count(i => i.AcceptedAt is not null)} accepted, {noon.Items.Count(i => i.Escalated)} escalated of {noon.Items.Count}");
        log.WriteLine(account.ToString());
        log.WriteLine($"recovery: ready {readyAfter.TotalSeconds:0.0} s after kill -9, routing again {routingAfter.TotalSeconds:0.0} s after");
        account.Figures("kill -9 dispatch mid-handoff", routingAfter.TotalSeconds).WriteTo(log);

        Assert.False(restarted.HasExited, "the restarted dispatch stopped");
        Assert.True(account.Raised.Count > 30, $"only {account.Raised.Count} incidents raised");
        Assert.True(resumed.SimulatedAt >= killAt, $"the restarted dispatch's clock went back to {resumed.SimulatedAt:HH:mm}");
        Assert.All(beforeKill.Incidents, i => Assert.Contains(resumed.Incidents, r => r.IncidentId == i.IncidentId));
        account.AssertEveryIncidentAccountedForOnce();
        Assert.Equal(noonAtKill.HandoffId, noon.HandoffId);
        Assert.True(noon.Status is HandoffStatus.Completed or HandoffStatus.Escalated, $"the noon handoff is still {noon.Status}");
        Assert.All(noon.Items, i => Assert.True(i.AcceptedAt is not null || i.Escalated, $"{i.IncidentId} of the noon handoff was neither accepted nor escalated"));
    }
}
