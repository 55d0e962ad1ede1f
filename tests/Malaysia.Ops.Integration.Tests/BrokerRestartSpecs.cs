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
[Trait("Category", "Integration")]
public sealed class BrokerRestartSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 1, 0, 0, TimeSpan.Zero);
    private const int Seed = 7;

    private OperationProcesses operation = null!;

    public async Task InitializeAsync() => operation = await OperationProcesses.CreateAsync(broker, "broker-restart", Epoch, speed: 720, Seed);

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    [Trait("Category", ReliabilityFigures.Category)]
    public async Task A_broker_restarted_mid_run_loses_no_incident_and_the_services_carry_on()
    {
        var (deskUs, deskMy) = await operation.StartDesksAsync();
        var dispatch = await operation.StartDispatchAsync();
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 10);

        var started = operation.ReadSnapshot().SimulatedAt;
        var restartAt = started.AddMinutes(new Random(Seed).Next(60, 180));
        var before = await operation.WaitForSnapshotAsync(s => s.SimulatedAt >= restartAt, $"the simulated time {restartAt:HH:mm}", TimeSpan.FromMinutes(2));
        var restarting = Stopwatch.StartNew();
        await broker.StopApplicationAsync();

        // While the broker is away no service is ready (a load balancer or Kubernetes stops
        // sending it work), yet every one is alive (nothing restarts it for an outage).
        await Task.Delay(TimeSpan.FromSeconds(3));
        var services = new[] { deskUs, deskMy, dispatch, workload };
        var readyWhileDown = await Task.WhenAll(services.Select(s => s.ProbeAsync("/health/ready")));
        var liveWhileDown = await Task.WhenAll(services.Select(s => s.ProbeAsync("/health/live")));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await broker.StartApplicationAsync();
        var brokerBack = restarting.Elapsed;

        // Recovered: an incident raised after the restart is routed and acknowledged.
        var known = before.Incidents.Count;
        var recovered = await operation.WaitForSnapshotAsync(s => s.Incidents.Skip(known).Any(i => i.AcknowledgedAt is not null) && s.Incidents.Count > known + 1, "a new incident acknowledged after the restart", TimeSpan.FromMinutes(2));
        var recoveredAfter = restarting.Elapsed;
        await Task.WhenAll(services.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));
        var readyAgain = restarting.Elapsed;

        await operation.WaitForNoonHandoffAsync();
        var workloadExit = await workload.StopAsync(TimeSpan.FromSeconds(30));
        var ledger = await operation.WaitForSnapshotAsync(s => s.Incidents.All(i => i.Status == IncidentStatus.Resolved), "every incident to be resolved", TimeSpan.FromMinutes(2));

        // The workload numbers its incidents INC-00001, INC-00002, ...: a gap is a lost one.
        var numbers = ledger.Incidents.Select(i => int.Parse(i.IncidentId["INC-".Length..], CultureInfo.InvariantCulture)).Order().ToList();
        var raised = numbers.Count == 0 ? 0 : numbers[^1];
        var lost = raised - numbers.Distinct().Count();
        var doubled = numbers.Count - numbers.Distinct().Count();
        log.WriteLine($"broker restarted at {restartAt:HH:mm} simulated ({known} incidents booked); back in {brokerBack.TotalSeconds:0.0} s");
        log.WriteLine($"raised {raised}, accounted {numbers.Count}, resolved {ledger.Incidents.Count(i => i.Status == IncidentStatus.Resolved)}, lost {lost}, double-handled {doubled}");
        log.WriteLine($"recovery: a new incident acknowledged {recoveredAfter.TotalSeconds:0.0} s after the restart began ({recovered.Incidents.Count} booked by then); every service ready again by {readyAgain.TotalSeconds:0.0} s");
        log.WriteLine($"dispatch's readiness while the broker was down: {readyWhileDown[2].Status}\n{readyWhileDown[2].Body}");
        new ReliabilityFigures("broker restart", 1, raised, numbers.Count, lost, doubled, recoveredAfter.TotalSeconds).WriteTo(log);

        Assert.All(readyWhileDown, probe => Assert.Equal(503, probe.Status));
        Assert.All(liveWhileDown, probe => Assert.Equal(200, probe.Status));
        Assert.StartsWith("Unhealthy\n", readyWhileDown[2].Body, StringComparison.Ordinal);
        Assert.Contains("receive-endpoints: Unhealthy - dispatch not consuming since", readyWhileDown[2].Body, StringComparison.Ordinal);
        Assert.Equal(0, workloadExit);
        Assert.All(new[] { deskUs, deskMy, dispatch }, s => Assert.False(s.HasExited, $"{s.Name} stopped"));
        Assert.True(raised > 50, $"only {raised} incidents raised");
        Assert.Equal(0, lost);
        Assert.Equal(0, doubled);
    }
}
