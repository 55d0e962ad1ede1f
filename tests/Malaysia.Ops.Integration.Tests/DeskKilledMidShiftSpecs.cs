using System.Diagnostics;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The Malaysian desk is killed (kill -9) in the middle of its shift, at a seeded random moment,
/// and started again. Whatever it held in memory is gone; dispatch gives it back the open work it
/// owned, so every incident raised is still accounted for once and resolved once, through the
/// next handoff too. The test prints the figures: raised, accounted, lost, double-handled, and
/// how long the desk took to come back.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class DeskKilledMidShiftSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 1, 0, 0, TimeSpan.Zero);
    private const int Seed = 2026;

    private OperationProcesses operation = null!;

    public async Task InitializeAsync() => operation = await OperationProcesses.CreateAsync(broker, "desk-killed", Epoch, speed: 720, Seed);

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    [Trait("Category", ReliabilityFigures.Category)]
    public async Task A_desk_killed_mid_shift_and_restarted_loses_no_incident_and_works_none_twice()
    {
        await using var accounting = await IncidentAccounting.StartAsync(operation);
        var (_, deskMy) = await operation.StartDesksAsync();
        await operation.StartDispatchAsync();
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 10);

        var (killAt, heldByMy) = await operation.WaitForMidShiftInKualaLumpurAsync(Seed);
        var killedAt = Stopwatch.StartNew();
        await deskMy.KillAsync();
        await operation.StartReadyAsync("Malaysia.Ops.Desk.Malaysia.Worker");
        var readyAfter = killedAt.Elapsed;

        // The restarted desk resolves something again: recovered.
        var restartedAt = operation.ReadSnapshot().SimulatedAt;
        await operation.WaitForSnapshotAsync(s => s.Incidents.Any(i => i.ResolvedByDeskId == "my" && i.ResolvedAt > restartedAt), "the restarted MY desk to resolve an incident", TimeSpan.FromMinutes(1));
        var workingAfter = killedAt.Elapsed;

        // Raise until the noon handoff is over, then let every incident be resolved.
        await operation.WaitForNoonHandoffAsync();
        var account = await accounting.SettleAsync(operation, workload);
        var ledger = account.Ledger;
        log.WriteLine($"killed the MY desk at {killAt:HH:mm} simulated holding {heldByMy} open incident(s)");
        log.WriteLine(account.ToString());
        log.WriteLine($"recovery: ready {readyAfter.TotalSeconds:0.0} s after kill -9, resolving again {workingAfter.TotalSeconds:0.0} s after");
        account.Figures("kill -9 desk mid-shift", workingAfter.TotalSeconds).WriteTo(log);

        Assert.True(heldByMy > 0, "the MY desk held nothing when it was killed; the test proved nothing");
        Assert.True(account.Raised.Count > 50, $"only {account.Raised.Count} incidents raised");
        account.AssertEveryIncidentAccountedForOnce();
        Assert.Contains(ledger.Handoffs, h => h.Direction == "my->us");
    }
}
