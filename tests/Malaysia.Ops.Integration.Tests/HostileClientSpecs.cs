using System.Text.Json;
using System.Text.RegularExpressions;
using Malaysia.Ops.Domain.Ledger;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// A client we did not write (Python's pika, tests/hostile-client/hostile_client.py) holding the
/// services' own broker credentials attacks a running operation: named abuses (a message naming no
/// type, a clock change that is not one, a reused message id, desks acting for each other, a lying
/// user id, exchanges a user may not write) and a thousand generated bad messages, while the
/// workload raises a legitimate stream alongside. Every input is then either booked once or in an
/// error or skipped queue with a reason, every service still consumes, the clock runs on as set,
/// and nothing legitimate is lost. The same client then tries each broker user against what it must
/// not touch.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed partial class HostileClientSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    public const string Category = "HostileClient";
    private const double Speed = 60;
    private const int Generated = 1000;
    private const string HostilePrefix = "INC-X-";
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] ServiceQueues = ["dispatch", "desk-us", "desk-my"];

    private OperationProcesses operation = null!;

    public async Task InitializeAsync() => operation = await OperationProcesses.CreateAsync(
        broker,
        "hostile",
        Epoch,
        Speed,
        settings: new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" });

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    [Trait("Category", ReliabilityFigures.Category)]
    [Trait("Category", Category)]
    public async Task Every_hostile_message_is_booked_once_or_refused_with_a_reason_and_the_legitimate_stream_is_whole()
    {
        await using var raised = await BrokerAudit.StartAsync(operation.Witness, "IncidentRaised", "incidentId");
        await using var acknowledged = await BrokerAudit.StartAsync(operation.Witness, "IncidentAcknowledged", "incidentId");
        var (deskUs, deskMy) = await operation.StartDesksAsync();
        var dispatch = await operation.StartDispatchAsync();
        var workload = await operation.StartWorkloadAsync(incidentsPerHour: 60);

        // An incident the MY desk holds, for the forged-sender cases to claim.
        var before = await operation.WaitForSnapshotAsync(
            s => s.Incidents.Any(i => i.AssignedDeskId == "my" && i.AcknowledgedAt is not null && i.ResolvedAt is null),
            "an open incident on the MY desk",
            TimeSpan.FromSeconds(90));
        var held = before.Incidents.First(i => i.AssignedDeskId == "my" && i.AcknowledgedAt is not null && i.ResolvedAt is null).IncidentId;

        var attack = await RunClientAsync("attack", held);
        var report = JsonSerializer.Deserialize<AttackReport>(attack, Json)!;
        log.WriteLine($"hostile client sent {report.Sent}: {string.Join(", ", report.Cases.Select(c => $"{c.Key} {c.Value}"))}; the broker refused {report.BrokerRefused}");
        foreach (var refusal in report.BrokerRefusals)
        {
            log.WriteLine($"broker refused {refusal.Case} as {refusal.User} to {refusal.Exchange}: {refusal.Reason}");
        }

        // Every refused copy ends in its queue's error or skipped queue, and no more than that.
        await using var witness = await operation.Witness.ConnectAsync("hostile-witness");
        var refused = new Dictionary<string, long>();
        foreach (var queue in ServiceQueues)
        {
            refused[queue] = await RefusedMessages.SettledAsync(witness, queue, report.RefusedCopies[queue], TimeSpan.FromSeconds(120));
        }

        var reasons = new List<string>();
        foreach (var queue in ServiceQueues)
        {
            reasons.AddRange(await RefusedMessages.ReasonsAsync(witness, $"{queue}_error", take: false));
        }

        // The legitimate stream: stopped, then every incident it raised booked once; of each
        // pair of sound incidents under one message id, exactly one booked.
        Assert.Equal(0, await workload.StopAsync(TimeSpan.FromSeconds(30)));
        var legitimate = raised.Seen.Keys.Where(id => WorkloadIncident().IsMatch(id)).ToList();
        bool Settled(LedgerSnapshot s) =>
            legitimate.All(id => s.Incidents.Any(i => i.IncidentId == id && i.AcknowledgedAt is not null))
            && report.ReusedPairs.All(pair => s.Incidents.Any(i => pair.Contains(i.IncidentId) && i.AcknowledgedAt is not null));
        LedgerSnapshot after;
        try
        {
            after = await operation.WaitForSnapshotAsync(Settled, "every legitimate incident to be acknowledged", TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            var last = operation.ReadSnapshot();
            var unacknowledged = legitimate.Concat(report.ReusedPairs.Select(pair => string.Join("|", pair)))
                .Where(id => !last.Incidents.Any(i => id.Split('|').Contains(i.IncidentId) && i.AcknowledgedAt is not null));
            log.WriteLine($"not acknowledged: {string.Join(", ", unacknowledged.Take(40))}");
            throw;
        }

        var booked = after.Incidents.Select(i => i.IncidentId).ToList();
        var expectedBooked = legitimate.Count + report.ReusedPairs.Count;
        var lost = legitimate.Count(id => !booked.Contains(id)) + report.ReusedPairs.Count(pair => !pair.Any(booked.Contains));
        // Acknowledgements on the wire, less those the hostile client sent itself.
        int Acknowledgements(string id) => acknowledged.Seen.GetValueOrDefault(id) - report.ForgedAcknowledgements.GetValueOrDefault(id);
        var twice = legitimate.Where(id => Acknowledgements(id) > 1)
            .Concat(report.ReusedPairs.Where(pair => pair.Count(booked.Contains) > 1 || pair.Sum(Acknowledgements) > 1).Select(pair => string.Join("|", pair)))
            .ToList();
        log.WriteLine($"handled twice: {string.Join(", ", twice)}");

        var audit = JsonSerializer.Deserialize<AuditReport>(await RunClientAsync("audit", held), Json)!;
        foreach (var attempt in audit.Attempts)
        {
            log.WriteLine($"permission audit: {attempt.User} {attempt.Action} {attempt.Resource}: {(attempt.Refused ? "refused, " + attempt.Reason : "ALLOWED")}");
        }

        var totalRefused = (int)refused.Values.Sum() + report.BrokerRefused;
        new ReliabilityFigures("hostile client", report.Sent, expectedBooked, expectedBooked - lost, lost, twice.Count, null, totalRefused).WriteTo(log);
        new ReliabilityFigures("permission audit", audit.Attempts.Count, 0, 0, 0, 0, null, audit.Attempts.Count(a => a.Refused)).WriteTo(log);

        // Every service runs and consumes.
        Assert.All(new[] { deskUs, deskMy, dispatch }, service => Assert.False(service.HasExited, $"{service.Name} stopped"));
        foreach (var queue in ServiceQueues)
        {
            await using var channel = await witness.CreateChannelAsync();
            Assert.True((await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount > 0, $"nothing consumes {queue}");
        }

        // Each refusal where it belongs, with its reason; the broker refused what it must.
        Assert.True(Generated < report.Sent, $"only {report.Sent} messages were sent");
        Assert.Equal(report.RefusedCopies, refused);
        Assert.All(reasons, reason => Assert.False(string.IsNullOrWhiteSpace(reason), "a message in an error queue has no reason"));
        Assert.Equal(report.Cases["lying user id"] + report.Cases["exchange not permitted"] + report.Cases["default exchange not permitted"], report.BrokerRefused);

        // Nothing hostile booked but what was sound; nothing legitimate lost or taken twice.
        Assert.DoesNotContain(booked, id => id.StartsWith(HostilePrefix, StringComparison.Ordinal) && !report.ReusedPairs.Any(pair => pair.Contains(id)));
        Assert.Equal(0, lost);
        Assert.Empty(twice);
        Assert.Contains(reasons, r => r.Contains("sent by broker user 'desk-us', not 'desk-my'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("sent by broker user 'desk-my', not 'desk-us'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("sent by a sender with no user-id, not 'desk-my'", StringComparison.Ordinal));

        // The clock ran on at the run's speed: no message that is not the console's moved it.
        var rate = (after.SimulatedAt - before.SimulatedAt) / (after.WrittenAtWall - before.WrittenAtWall);
        Assert.InRange(rate, Speed * 0.8, Speed * 1.2);
        Assert.DoesNotContain("Clock Pause by", dispatch.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Clock Speed by", dispatch.Output, StringComparison.Ordinal);

        // No user did what it must not.
        Assert.All(audit.Attempts, attempt => Assert.True(attempt.Refused, $"{attempt.User} may {attempt.Action} {attempt.Resource}"));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How the workload numbers what it raises (the hostile client's ids, sound or
    /// not, never look like it).</summary>
    [GeneratedRegex(@"^INC-[0-9]+$")]
    private static partial Regex WorkloadIncident();

    private async Task<string> RunClientAsync(string mode, string heldByMy)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOSTILE_PORT"] = operation.Witness.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HOSTILE_VHOST"] = operation.VirtualHost,
            ["HOSTILE_COUNT"] = Generated.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HOSTILE_SEED"] = "2026",
            ["HOSTILE_EPOCH"] = Epoch.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["HOSTILE_MY_INCIDENT"] = heldByMy,
        };
        foreach (var user in ServiceUsers.All)
        {
            environment[$"HOSTILE_PASSWORD_{user.ToUpperInvariant().Replace('-', '_')}"] = operation.Users.Password(user);
        }

        var result = await ProcessRunner.RunAsync("/usr/bin/python3", [Path.Combine(RepositoryLayout.Root, "tests", "hostile-client", "hostile_client.py"), mode], environment, TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"hostile_client.py {mode} failed: {result.Describe()}");
        return result.StandardOutput;
    }

    private sealed record AttackReport(int Sent, Dictionary<string, long> RefusedCopies, List<List<string>> ReusedPairs, Dictionary<string, int> ForgedAcknowledgements, int BrokerRefused, List<BrokerRefusal> BrokerRefusals, Dictionary<string, int> Cases);

    private sealed record BrokerRefusal(string Case, string User, string Exchange, string Reason);

    private sealed record AuditReport(List<AuditAttempt> Attempts);

    private sealed record AuditAttempt(string User, string Action, string Resource, bool Refused, string Reason);
}
