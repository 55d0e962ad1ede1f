using Malaysia.Ops.Contracts;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The workload's load driver against the real broker, the services as separate processes: a
/// constant synthetic load (300 incidents per wall second for 10 s) raised beside the seeded
/// stream; the broker carries every incident of it once, dispatch books every one of them, and
/// the workload reports the load finished with all of it confirmed, and dispatch's load figures
/// follow all of it end to end with the queues read from the broker. Each desk's queue hears its
/// own assignments only: a witness bound as each desk's queue is hears exactly the load
/// incidents dispatch assigned to that desk. The figures (rate achieved,
/// raise-to-confirm latency, the latencies from the raise to each stage) are printed from the
/// workload's and dispatch's own logs.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class SyntheticLoadOverRabbitMqSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private const int Rate = 300;
    private const int Seconds = 10;

    private OperationProcesses operation = null!;

    public async Task InitializeAsync() => operation = await OperationProcesses.CreateWithSyntheticLoadAsync(broker, "synthetic-load", Rate, Seconds);

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    public async Task Every_incident_of_a_synthetic_load_reaches_dispatch_once()
    {
        await using var raised = await BrokerAudit.StartAsync(operation.Witness, "IncidentRaised", "incidentId");
        await using var toUs = await BrokerAudit.StartAssignmentsOfAsync(operation.Witness, "us");
        await using var toMy = await BrokerAudit.StartAssignmentsOfAsync(operation.Witness, "my");
        await operation.StartDesksAsync();
        var dispatch = await operation.StartDispatchAsync(new Dictionary<string, string> { ["Dispatch__LoadReportSeconds"] = "1" });
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 10);

        var ledger = await operation.WaitForSnapshotAsync(
            s => s.Incidents.Count(i => i.IncidentId.StartsWith(IncidentIds.LoadPrefix, StringComparison.Ordinal)) >= Rate * Seconds,
            $"dispatch to book the load's {Rate * Seconds} incidents",
            TimeSpan.FromMinutes(2));
        await WaitForAsync(() => workload.Output.Contains("Synthetic load finished", StringComparison.Ordinal), "the workload to report the load finished");

        foreach (var line in workload.Output.Split('\n').Where(l => l.Contains("Synthetic load", StringComparison.Ordinal) || l.Contains("Load at", StringComparison.Ordinal)))
        {
            log.WriteLine(line.Trim());
        }

        // Dispatch's own figures: every load incident booked, timed from its raise, and the
        // queues as the broker has them (dispatch and both desks, each with its consumer).
        await WaitForAsync(() => dispatch.Output.Contains($"Load through dispatch: {Rate * Seconds} booked", StringComparison.Ordinal), "dispatch to report the whole load booked");
        var lines = dispatch.Output.Split('\n').Where(l => l.Contains("Load through dispatch", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        lines.ForEach(log.WriteLine);
        var figures = lines.Last(l => l.Contains($"Load through dispatch: {Rate * Seconds} booked", StringComparison.Ordinal));
        Assert.Matches(@"to assigned p50 \d+\.\d\d ms, p99 \d+\.\d\d ms", figures);
        Assert.Matches(@"queues dispatch \d+ waiting \(1 consumer\)", figures);
        Assert.Matches(@"desk-my \d+ waiting \(1 consumer\)", figures);
        Assert.Matches(@"desk-us \d+ waiting \(1 consumer\)", figures);

        var load = raised.Seen.Where(r => r.Key.StartsWith(IncidentIds.LoadPrefix, StringComparison.Ordinal)).ToList();
        var booked = ledger.Incidents.Where(i => i.IncidentId.StartsWith(IncidentIds.LoadPrefix, StringComparison.Ordinal)).Select(i => i.IncidentId).ToHashSet(StringComparer.Ordinal);
        log.WriteLine($"the broker carried {load.Count} load incidents; dispatch booked {booked.Count}");
        Assert.Equal(Rate * Seconds, load.Count);
        Assert.All(load, r => Assert.Equal(1, r.Value));
        Assert.Equal(load.Select(r => r.Key).Order(StringComparer.Ordinal), booked.Order(StringComparer.Ordinal));
        Assert.Contains($"{Rate * Seconds} of {Rate * Seconds} raised", workload.Output, StringComparison.Ordinal);

        // Assignments routed by desk: each desk's binding carried every assignment dispatch made
        // to that desk, and nothing addressed to the other desk.
        var assignedTo = ledger.Incidents.Where(i => booked.Contains(i.IncidentId)).Select(i => $"{i.AssignedDeskId}/{i.IncidentId}").ToHashSet(StringComparer.Ordinal);
        int LoadCarried(BrokerAudit witness) => witness.Seen.Keys.Count(k => k.Contains(IncidentIds.LoadPrefix, StringComparison.Ordinal));
        await WaitForAsync(() => LoadCarried(toUs) + LoadCarried(toMy) >= Rate * Seconds, "the assignments to reach the witnesses");
        log.WriteLine($"load assignments carried to the US desk's binding {LoadCarried(toUs)}, to the Malaysian desk's {LoadCarried(toMy)}");
        Assert.All(toUs.Seen.Keys, k => Assert.StartsWith("us/", k, StringComparison.Ordinal));
        Assert.All(toMy.Seen.Keys, k => Assert.StartsWith("my/", k, StringComparison.Ordinal));
        Assert.Subset(toUs.Seen.Keys.Concat(toMy.Seen.Keys).ToHashSet(StringComparer.Ordinal), assignedTo);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up waiting for {what}");
            await Task.Delay(200);
        }
    }
}
