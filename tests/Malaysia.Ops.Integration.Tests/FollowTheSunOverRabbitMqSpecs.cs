using System.Globalization;
using Malaysia.Ops.Domain.Ledger;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The time-zone bridge end to end: a real RabbitMQ node, the four services as separate
/// processes, two simulated July days (a day in 20 wall seconds). The handoff window is widened to
/// six simulated hours (five wall seconds): what is checked is that work crosses the bridge and
/// every handoff completes, not how fast a loaded machine turns a message round.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class FollowTheSunOverRabbitMqSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 0, 0, 0, TimeSpan.Zero);
    private const double Speed = 4_320;

    private OperationProcesses operation = null!;

    public async Task InitializeAsync()
    {
        // Every service writes its spans to a file of its own.
        operation = await OperationProcesses.CreateAsync(
            broker,
            "follow-the-sun",
            Epoch,
            Speed,
            seed: 2026,
            settings: new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" },
            perService: project => new Dictionary<string, string>
            {
                ["Telemetry__TraceFile"] = Path.Combine(operation.WorkFolder, $"{project}.traces.jsonl"),
            });
    }

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    public async Task Two_days_over_RabbitMQ_hand_work_across_the_bridge_and_account_for_every_incident_once()
    {
        await using var audit = await BrokerAudit.StartAsync(operation.Witness, "IncidentRaised", "incidentId");
        var (deskUs, deskMy) = await operation.StartDesksAsync();
        var dispatch = await operation.StartDispatchAsync(new Dictionary<string, string> { ["Dispatch__HandoffWindowMinutes"] = "360" });
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 4);

        // Two simulated days and the window of the fourth handoff (00:00 on day 3).
        var runUntil = Epoch.AddDays(2).AddHours(2);
        await operation.WaitForSnapshotAsync(s => s.SimulatedAt >= runUntil, "two simulated days", TimeSpan.FromMinutes(3));

        Assert.Equal(0, await workload.StopAsync(TimeSpan.FromSeconds(30)));
        var raised = audit.Seen;
        await operation.WaitForSnapshotAsync(s => s.Incidents.Count >= raised.Count, "the ledger to hold every raised incident", TimeSpan.FromSeconds(30));

        var exitCodes = new Dictionary<string, int>();
        foreach (var service in new[] { deskUs, deskMy, dispatch })
        {
            exitCodes[service.Name] = await service.StopAsync(TimeSpan.FromSeconds(30));
        }

        var ledger = operation.ReadSnapshot();
        log.WriteLine($"raised {raised.Count}; ledger {ledger.Summary.IncidentsRaised} (resolved {ledger.Summary.IncidentsResolved}, open {ledger.Summary.IncidentsOpen}); handoffs {ledger.Summary.Handoffs}");
        foreach (var handoff in ledger.Handoffs)
        {
            log.WriteLine($"{handoff.HandoffId} {handoff.Status} items {handoff.Items.Count} latency {handoff.LatencySimulatedMinutes:0.0} sim min / {handoff.LatencyWallMilliseconds:0.0} ms");
        }

        Assert.All(exitCodes, code => Assert.True(code.Value == 0, $"{code.Key} exited with {code.Value}"));

        // Every incident the broker carried is in the ledger exactly once, open or resolved.
        Assert.True(raised.Count > 100, $"only {raised.Count} incidents raised in two simulated days at 4/h");
        Assert.All(raised, r => Assert.True(r.Value == 1, $"{r.Key} was published {r.Value} times"));
        var booked = ledger.Incidents.Select(i => i.IncidentId).ToList();
        Assert.Equal(booked.Count, booked.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(raised.Keys.Order(StringComparer.Ordinal), booked.Order(StringComparer.Ordinal));
        Assert.All(ledger.Incidents, i => Assert.True(i.Status == IncidentStatus.Resolved ? i.ResolvedAt is not null : i.ResolvedAt is null, $"{i.IncidentId} is {i.Status} with resolved-at {i.ResolvedAt}"));
        Assert.True(ledger.Summary.IncidentsResolved > ledger.Summary.IncidentsRaised * 9 / 10, $"only {ledger.Summary.IncidentsResolved} of {ledger.Summary.IncidentsRaised} resolved");

        // The desks' starts of work reach dispatch's ledger: every resolved incident was started
        // between its raise and its resolution.
        Assert.All(ledger.Incidents.Where(i => i.Status == IncidentStatus.Resolved), i => Assert.True(
            i.WorkStartedAt is { } started && started >= i.RaisedAt && started <= i.ResolvedAt,
            $"{i.IncidentId} raised {i.RaisedAt:O}, resolved {i.ResolvedAt:O}, work started {i.WorkStartedAt:O}"));

        // At least four handoffs, alternating MY->US (12:00 UTC) and US->MY (00:00 UTC).
        var handoffs = ledger.Handoffs.OrderBy(h => h.ShiftEndsAt).ToList();
        Assert.True(handoffs.Count >= 4, $"only {handoffs.Count} handoffs");
        for (var i = 0; i < handoffs.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? "my->us" : "us->my", handoffs[i].Direction);
        }

        // Each has its latency recorded, per handoff and per item, in both units.
        Assert.All(handoffs, h =>
        {
            Assert.Equal(HandoffStatus.Completed, h.Status);
            Assert.NotNull(h.LatencySimulatedMinutes);
            Assert.NotNull(h.LatencyWallMilliseconds);
            Assert.All(h.Items, item =>
            {
                Assert.NotNull(item.LatencySimulatedMinutes);
                Assert.NotNull(item.LatencyWallMilliseconds);
            });
        });
        Assert.Contains(handoffs, h => h.Items.Count > 0);

        // One trace per incident across the processes: every span that names an incident is in
        // that incident's one trace, and an incident that changed hands shows the alert, the
        // router and both desks in it; the handoff's own span links to it.
        var spans = Directory.GetFiles(operation.WorkFolder, "*.traces.jsonl").SelectMany(TraceFile.Read).ToList();
        var byIncident = spans.Where(s => s.Attributes.ContainsKey("ops.incident.id")).GroupBy(s => s.Attributes["ops.incident.id"]).ToList();
        Assert.True(byIncident.Count >= ledger.Incidents.Count * 9 / 10, $"spans for only {byIncident.Count} of {ledger.Incidents.Count} incidents");
        Assert.All(byIncident, incident => Assert.Single(incident.Select(s => s.TraceId).Distinct()));

        var crossed = ledger.Incidents.First(i => i.TimesHandedOver > 0 && i.Status == IncidentStatus.Resolved).IncidentId;
        var traceId = byIncident.Single(g => g.Key == crossed).First().TraceId;
        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        log.WriteLine($"trace of {crossed} ({traceId}):");
        foreach (var span in trace)
        {
            log.WriteLine($"  [{span.Service}] {span.Name}");
        }

        Assert.Equal(
            ["desk-my", "desk-us", "dispatch", "workload"],
            trace.Select(s => s.Service).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(trace, s => s.Name == $"raise {crossed}");
        Assert.Contains(trace, s => s.Name.StartsWith($"accept {crossed} on ", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Name.StartsWith("handoff ", StringComparison.Ordinal) && s.LinkedTraceIds.Contains(traceId));
    }
}
