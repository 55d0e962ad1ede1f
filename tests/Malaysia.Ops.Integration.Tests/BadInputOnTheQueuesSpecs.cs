using System.Globalization;
using System.Text;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Messaging;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// Whatever lands on the services' queues from outside them (a plain AMQP client, not MassTransit,
/// with the workload's and dispatch's own credentials): malformed JSON, 4 MB bodies, an unknown
/// message type, impossible values, a sound message under the wrong content type, and the same
/// incident again. Dispatch and a desk run as processes on a real broker; each bad message ends in
/// the queue's error (or skipped) queue with its reason, the services keep consuming, and the
/// incident accepted before the bad input is still there after it, once.
/// </summary>
[Collection(BrokerTests.Name)]
[Trait("Category", "Integration")]
public sealed class BadInputOnTheQueuesSpecs(RabbitMqNode broker, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 2, 0, 0, TimeSpan.Zero);
    private const string EnvelopeContentType = "application/vnd.masstransit+json";

    private OperationProcesses operation = null!;

    public async Task InitializeAsync() => operation = await OperationProcesses.CreateAsync(broker, "bad-input", Epoch, speed: 60);

    public async Task DisposeAsync() => await operation.DisposeAsync();

    [Fact]
    [Trait("Category", ReliabilityFigures.Category)]
    public async Task Bad_messages_go_to_the_error_queues_with_their_reason_and_nothing_accepted_is_lost_or_doubled()
    {
        await using var acknowledgements = await BrokerAudit.StartAsync(operation.Witness, "IncidentAcknowledged", "incidentId");
        var desk = await operation.StartReadyAsync("Malaysia.Ops.Desk.Malaysia.Worker");
        var dispatch = await operation.StartDispatchAsync();

        // A foreign client with the services' own credentials: as the workload it may publish
        // incidents, as dispatch assignments; no service user may write to a queue directly.
        await using var asWorkload = await operation.As("workload").ConnectAsync("bad-input-as-workload");
        await using var workload = await asWorkload.CreateChannelAsync(Confirmed);
        await using var asDispatch = await operation.As("dispatch").ConnectAsync("bad-input-as-dispatch");
        await using var assigner = await asDispatch.CreateChannelAsync(Confirmed);
        const string Raised = "Malaysia.Ops.Contracts:IncidentRaised";
        var toMy = AssignmentRouting.KeyOf("my");

        // Accepted first: an incident raised the way the workload raises one.
        await PublishAsync(workload, Raised, string.Empty, Envelope("IncidentRaised", Incident("INC-Q-0001", severity: 2)), EnvelopeContentType);
        await operation.WaitForSnapshotAsync(s => s.Incidents.Any(i => i.IncidentId == "INC-Q-0001" && i.AcknowledgedAt is not null), "INC-Q-0001 to be acknowledged", TimeSpan.FromSeconds(60));

        // Then the bad input, to dispatch and to the MY desk: malformed JSON, 4 MB bodies, a
        // type no service knows, impossible values.
        var huge = new string('x', 4 * 1024 * 1024);
        foreach (var (channel, exchange, key) in new[] { (workload, Raised, string.Empty), (assigner, AssignmentRouting.Exchange, toMy) })
        {
            await PublishAsync(channel, exchange, key, "{\"messageType\": [\"urn:message:Malaysia.Ops.Contracts:IncidentRaised\"], \"message\": {not json", EnvelopeContentType);
            await PublishAsync(channel, exchange, key, Envelope("NoSuchMessage", "{\"anything\": 1}"), EnvelopeContentType);
        }

        await PublishAsync(workload, Raised, string.Empty, Envelope("IncidentRaised", Incident("INC-Q-0003", severity: 2, summary: huge)), EnvelopeContentType);
        await PublishAsync(workload, Raised, string.Empty, Envelope("IncidentRaised", Incident("INC-Q-0004", severity: 99)), EnvelopeContentType);
        await PublishAsync(assigner, AssignmentRouting.Exchange, toMy, Envelope("IncidentAssigned", Assignment("INC-Q-" + huge, workMinutes: "5")), EnvelopeContentType);
        await PublishAsync(assigner, AssignmentRouting.Exchange, toMy, Envelope("IncidentAssigned", Assignment("INC-Q-0006", workMinutes: "-5")), EnvelopeContentType);

        // A sound message under a content type it does not have is read for what its body is
        // (MassTransit's envelope), not lost.
        await PublishAsync(workload, Raised, string.Empty, Envelope("IncidentRaised", Incident("INC-Q-0002", severity: 2)), "text/plain");

        // And the accepted incident again, twice: a redelivery (the same message id) and a
        // duplicate publish (a new message id).
        var again = Envelope("IncidentRaised", Incident("INC-Q-0001", severity: 2));
        await PublishAsync(workload, Raised, string.Empty, again, EnvelopeContentType);
        await PublishAsync(workload, Raised, string.Empty, again, EnvelopeContentType);
        await PublishAsync(workload, Raised, string.Empty, Envelope("IncidentRaised", Incident("INC-Q-0001", severity: 2)), EnvelopeContentType);

        // The services still work: a new incident goes all the way through.
        await PublishAsync(workload, Raised, string.Empty, Envelope("IncidentRaised", Incident("INC-Q-0005", severity: 3)), EnvelopeContentType);
        var ledger = await operation.WaitForSnapshotAsync(s => s.Incidents.Any(i => i.IncidentId == "INC-Q-0005" && i.AcknowledgedAt is not null), "INC-Q-0005 to be acknowledged after the bad input", TimeSpan.FromSeconds(60));

        await using var witness = await operation.Witness.ConnectAsync("bad-input-witness");
        await RefusedMessages.SettledAsync(witness, "dispatch", 4, TimeSpan.FromSeconds(60));
        await RefusedMessages.SettledAsync(witness, "desk-my", 4, TimeSpan.FromSeconds(60));
        var dispatchErrors = await RefusedMessages.ReasonsAsync(witness, "dispatch_error", take: true);
        var deskErrors = await RefusedMessages.ReasonsAsync(witness, "desk-my_error", take: true);
        var dispatchSkipped = await RefusedMessages.DepthAsync(witness, "dispatch_skipped");
        var deskSkipped = await RefusedMessages.DepthAsync(witness, "desk-my_skipped");
        foreach (var (queue, reasons) in new[] { ("dispatch_error", dispatchErrors), ("desk-my_error", deskErrors) })
        {
            foreach (var reason in reasons)
            {
                log.WriteLine($"{queue}: {reason}");
            }
        }

        log.WriteLine($"dispatch: {dispatchErrors.Count} in error, {dispatchSkipped} skipped; desk-my: {deskErrors.Count} in error, {deskSkipped} skipped");
        log.WriteLine($"ledger: {string.Join(", ", ledger.Incidents.Select(i => $"{i.IncidentId} {i.Status}"))}; acknowledgements published: {string.Join(", ", acknowledgements.Seen.Select(a => $"{a.Key}×{a.Value}"))}");

        // Eight bad messages and one under the wrong content type; the accepted incident heard
        // three more times. Three sound incidents in all.
        string[] sound = ["INC-Q-0001", "INC-Q-0002", "INC-Q-0005"];
        var accounted = ledger.Incidents.Count(i => sound.Contains(i.IncidentId));
        var handledTwice = acknowledgements.Seen.Count(a => a.Value > 1);
        new ReliabilityFigures("bad messages on the queues", 9, sound.Length, accounted, sound.Length - accounted, handledTwice, null).WriteTo(log);
        new ReliabilityFigures("duplicate deliveries", 3, sound.Length, accounted, sound.Length - accounted, handledTwice, null).WriteTo(log);

        Assert.False(dispatch.HasExited, "dispatch stopped");
        Assert.False(desk.HasExited, "the MY desk stopped");

        // Malformed, oversized, impossible values: to the error queue, each with MassTransit's
        // fault header saying why. The unknown type: to the skipped queue.
        Assert.Equal(3, dispatchErrors.Count);
        Assert.Equal(3, deskErrors.Count);
        Assert.Equal(1, dispatchSkipped);
        Assert.Equal(1, deskSkipped);
        Assert.All(dispatchErrors.Concat(deskErrors), reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        Assert.Contains(dispatchErrors, r => r.Contains("Severity 99 is not a severity", StringComparison.Ordinal));
        Assert.Contains(dispatchErrors, r => r.Contains("Summary is 4194304 characters long", StringComparison.Ordinal));
        Assert.Contains(deskErrors, r => r.Contains("WorkMinutes -5 is not a number of minutes", StringComparison.Ordinal));
        Assert.Contains(deskErrors, r => r.Contains("IncidentId is 4194310 characters long", StringComparison.Ordinal));

        // Nothing accepted is lost, nothing is taken twice, nothing bad got in.
        Assert.Equal(["INC-Q-0001", "INC-Q-0002", "INC-Q-0005"], ledger.Incidents.Select(i => i.IncidentId).Order(StringComparer.Ordinal));
        Assert.All(["INC-Q-0001", "INC-Q-0002", "INC-Q-0005"], id => Assert.Equal(1, acknowledgements.Seen[id]));
        Assert.All(ledger.Incidents, i => Assert.Equal("my", i.AssignedDeskId));
    }

    private static readonly CreateChannelOptions Confirmed = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private static string Incident(string id, int severity, string summary = "GPU node lost") => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"incidentId":"{{id}}","type":0,"severity":{{severity}},"clusterId":"kul-gpu-1","summary":"{{summary}}","workMinutes":20,"simulatedAt":"{{Epoch:O}}","schemaVersion":1}""");

    private static string Assignment(string id, string workMinutes) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"incidentId":"{{id}}","deskId":"my","shiftId":"my-20260713","deskOnDutyFrom":"{{Epoch:O}}","arrivedInCoverageGap":false,"type":0,"severity":2,"workMinutes":{{workMinutes}},"simulatedAt":"{{Epoch:O}}","schemaVersion":1}""");

    /// <summary>A message as MassTransit's envelope carries it.</summary>
    private static string Envelope(string messageType, string message) =>
        $$$"""{"messageId":"{{{Guid.NewGuid()}}}","messageType":["urn:message:Malaysia.Ops.Contracts:{{{messageType}}}"],"message":{{{message}}},"headers":{}}""";

    private static async Task PublishAsync(IChannel channel, string exchange, string routingKey, string body, string contentType)
    {
        var properties = new BasicProperties { ContentType = contentType, Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, Encoding.UTF8.GetBytes(body));
    }
}
