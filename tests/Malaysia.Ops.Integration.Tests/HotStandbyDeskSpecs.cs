using System.Diagnostics;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The Malaysian desk runs as two processes on its queue, as Kubernetes runs it: one active, the
/// other a hot standby that says and does nothing. Mid-shift, with incidents coming in, the active
/// one is killed (kill -9) at a seeded random moment and not started again. The standby is made
/// active by the broker, learns it from its first delivery, reports that it started, is given the
/// desk's open work by dispatch and carries on, so every incident raised is still accounted for
/// once and resolved once, through the next handoff too, and dispatch never sees two active
/// processes. The test prints the figures: raised, accounted, lost, double-handled, how long the
/// standby took to take over and to resolve again.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class HotStandbyDeskSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private const string DeskProject = "Malaysia.Ops.Desk.Malaysia.Worker";
    private const string Activated = "is the desk's active process";
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 1, 0, 0, TimeSpan.Zero);
    private const int Seed = 2027;

    private OperationProcesses operation = null!;

    public async Task InitializeAsync() => operation = await OperationProcesses.CreateAsync(
        broker,
        "desk-standby",
        Epoch,
        speed: 720,
        Seed,
        new Dictionary<string, string> { ["Desk__HotStandby"] = "true" });

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    [Trait("Category", ReliabilityFigures.Category)]
    public async Task The_standby_of_a_desk_whose_active_process_is_killed_takes_over_and_loses_no_incident_nor_works_one_twice()
    {
        await using var accounting = await IncidentAccounting.StartAsync(operation);
        await operation.StartDesksAsync();
        var standby = await operation.StartReadyAsync(DeskProject);
        var active = operation.Services.Single(s => s.Name == DeskProject && s != standby);
        await operation.StartDispatchAsync();
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 10);

        var (killAt, heldByMy) = await operation.WaitForMidShiftInKualaLumpurAsync(Seed);

        // The process started first took the queue; the other has stood by, silent.
        Assert.Contains(Activated, active.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Activated, standby.Output, StringComparison.Ordinal);

        var killedAt = Stopwatch.StartNew();
        await active.KillAsync();
        await standby.WaitForOutputAsync(Activated, TimeSpan.FromSeconds(30));
        var activeAfter = killedAt.Elapsed;

        // The standby resolves something again: recovered.
        var takenOverAt = operation.ReadSnapshot().SimulatedAt;
        await operation.WaitForSnapshotAsync(s => s.Incidents.Any(i => i.ResolvedByDeskId == "my" && i.ResolvedAt > takenOverAt), "the standby MY desk to resolve an incident", TimeSpan.FromMinutes(1));
        var workingAfter = killedAt.Elapsed;

        // Raise until the noon handoff is over, then let every incident be resolved.
        await operation.WaitForNoonHandoffAsync();
        var account = await accounting.SettleAsync(operation, workload);
        var dispatch = operation.Services.Single(s => s.Name == "Malaysia.Ops.Dispatch.Worker");
        log.WriteLine($"killed the active MY desk process at {killAt:HH:mm} simulated holding {heldByMy} open incident(s)");
        log.WriteLine(account.ToString());
        log.WriteLine($"failover: standby active {activeAfter.TotalSeconds:0.0} s after kill -9, resolving again {workingAfter.TotalSeconds:0.0} s after");
        account.Figures("kill -9 desk with standby", workingAfter.TotalSeconds).WriteTo(log);

        Assert.True(heldByMy > 0, "the MY desk held nothing when it was killed; the test proved nothing");
        Assert.True(account.Raised.Count > 50, $"only {account.Raised.Count} incidents raised");
        account.AssertEveryIncidentAccountedForOnce();
        Assert.Contains(account.Ledger.Handoffs, h => h.Direction == "my->us");
        Assert.DoesNotContain("two active processes", dispatch.Output, StringComparison.Ordinal);
    }
}
