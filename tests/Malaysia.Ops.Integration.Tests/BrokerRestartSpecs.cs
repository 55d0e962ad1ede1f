using System.Diagnostics;
using System.Globalization;
using Malaysia.Ops.Domain.Ledger;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The broker is restarted (<c>rabbitmqctl stop_app</c>, then <c>start_app</c>) in the middle of
/// a run, at a seeded random moment: every connection of every service drops. The services
/// reconnect by themselves and the run goes on; the workload numbers its incidents in order, so
/// a gap in the ledger would be an incident lost. The test prints raised, accounted, lost,
/// double-handled and how long the run took to recover.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class BrokerRestartSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 1, 0, 0, TimeSpan.Zero);
    private const int Seed = 7;

    private readonly string workFolder = Directory.CreateTempSubdirectory("malaysia-ops-broker-restart-").FullName;
    private readonly List<ServiceProcess> services = [];
    private string virtualHost = string.Empty;

    public async Task InitializeAsync() => virtualHost = await broker.CreateVirtualHostAsync("broker-restart");

    public async Task DisposeAsync()
    {
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }

        await broker.DeleteVirtualHostAsync(virtualHost);
        Directory.Delete(workFolder, recursive: true);
    }

    [Fact(Skip = "Known defect: after a broker restart the workload sometimes stops raising (24 of ~125 incidents in one run); the cause is not yet found")]
    [Trait("Category", ReliabilityFigures.Category)]
    public async Task A_broker_restarted_mid_run_loses_no_incident_and_the_services_carry_on()
    {
        var snapshotPath = Path.Combine(workFolder, "ledger.json");
        var common = new Dictionary<string, string>
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["RabbitMq__Host"] = "127.0.0.1",
            ["RabbitMq__Port"] = broker.AmqpPort.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = virtualHost,
            ["Simulation__RunId"] = virtualHost,
            ["Simulation__Epoch"] = Epoch.ToString("O", CultureInfo.InvariantCulture),
            ["Simulation__Speed"] = "720",
            ["Simulation__Seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        };
        var deskUs = Start("Malaysia.Ops.Desk.Us.Worker", common);
        var deskMy = Start("Malaysia.Ops.Desk.My.Worker", common);
        await Task.WhenAll(deskUs.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), deskMy.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));
        var dispatch = Start("Malaysia.Ops.Dispatch.Worker", new Dictionary<string, string>(common)
        {
            ["Dispatch__LedgerSnapshotPath"] = snapshotPath,
            ["Dispatch__SnapshotIntervalSeconds"] = "0.5",
        });
        await dispatch.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var workload = Start("Malaysia.Ops.Workload.Worker", new Dictionary<string, string>(common) { ["Workload__IncidentsPerHour"] = "10" });
        await workload.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        var started = LedgerSnapshotFile.Read(snapshotPath).SimulatedAt;
        var restartAt = started.AddMinutes(new Random(Seed).Next(60, 180));
        var before = await LedgerSnapshotFile.WaitAsync(snapshotPath, s => s.SimulatedAt >= restartAt, $"the simulated time {restartAt:HH:mm}", TimeSpan.FromMinutes(2), services);
        var restarting = Stopwatch.StartNew();
        await broker.RestartApplicationAsync(TimeSpan.FromSeconds(5));
        var brokerBack = restarting.Elapsed;

        // Recovered: an incident raised after the restart is routed and acknowledged.
        var known = before.Incidents.Count;
        var recovered = await LedgerSnapshotFile.WaitAsync(snapshotPath, s => s.Incidents.Skip(known).Any(i => i.AcknowledgedAt is not null) && s.Incidents.Count > known + 1, "a new incident acknowledged after the restart", TimeSpan.FromMinutes(2), services);
        var recoveredAfter = restarting.Elapsed;

        await LedgerSnapshotFile.WaitAsync(snapshotPath, s => s.Handoffs.Any(h => h.Direction == "my->us" && h.Status != HandoffStatus.AwaitingBriefing && h.Status != HandoffStatus.Briefed), "the noon handoff", TimeSpan.FromMinutes(3), services);
        var workloadExit = await workload.StopAsync(TimeSpan.FromSeconds(30));
        var ledger = await LedgerSnapshotFile.WaitAsync(snapshotPath, s => s.Incidents.All(i => i.Status == IncidentStatus.Resolved), "every incident to be resolved", TimeSpan.FromMinutes(2), services);

        // The workload numbers its incidents INC-00001, INC-00002, ...: a gap is a lost one.
        var numbers = ledger.Incidents.Select(i => int.Parse(i.IncidentId["INC-".Length..], CultureInfo.InvariantCulture)).Order().ToList();
        var raised = numbers.Count == 0 ? 0 : numbers[^1];
        var lost = raised - numbers.Distinct().Count();
        var doubled = numbers.Count - numbers.Distinct().Count();
        log.WriteLine($"broker restarted at {restartAt:HH:mm} simulated ({known} incidents booked); back in {brokerBack.TotalSeconds:0.0} s");
        log.WriteLine($"raised {raised}, accounted {numbers.Count}, resolved {ledger.Incidents.Count(i => i.Status == IncidentStatus.Resolved)}, lost {lost}, double-handled {doubled}");
        log.WriteLine($"recovery: a new incident acknowledged {recoveredAfter.TotalSeconds:0.0} s after the restart began ({recovered.Incidents.Count} booked by then)");
        new ReliabilityFigures("broker restart", 1, raised, numbers.Count, lost, doubled, recoveredAfter.TotalSeconds).WriteTo(log);

        Assert.Equal(0, workloadExit);
        Assert.All(new[] { deskUs, deskMy, dispatch }, s => Assert.False(s.HasExited, $"{s.Name} stopped"));
        Assert.True(raised > 50, $"only {raised} incidents raised");
        Assert.Equal(0, lost);
        Assert.Equal(0, doubled);
    }

    private ServiceProcess Start(string project, IDictionary<string, string> environment)
    {
        var service = ServiceProcess.Start(project, environment);
        services.Add(service);
        return service;
    }
}
