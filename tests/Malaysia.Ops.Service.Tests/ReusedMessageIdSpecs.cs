using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// Dispatch tells a message delivered again from another message under the same id: the same
/// message is a redelivery, not applied twice and counted; a different one is refused with a
/// reason naming both, never dropped as if it had been applied. Records inside a message (a
/// briefing's items) compare by what they hold, also after a restart reads them from the store.
/// </summary>
public sealed class ReusedMessageIdSpecs : IDisposable
{
    private const string RunId = "reused-message-id-specs";
    private static readonly DateTimeOffset Morning = new(2026, 7, 13, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Noon = Morning.Date.AddHours(12);
    private static readonly DateTimeOffset Wall = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("malaysia-ops-reused-id-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Microsoft.Extensions.Hosting.IHost Dispatch() =>
        LedgerStoreSpecs.DispatchOnStore(Path.Combine(folder, "dispatch-{RunId}.db"), RunId, Morning);

    private static IncidentRaised Raised(string id) =>
        new(id, IncidentType.DataPipelineLag, Severity.Sev2, "kul-etl-1", "lag", 90, Morning);

    private static HandoffBriefing Briefing(string handoffId, params string[] ids) => new(
        handoffId,
        "my",
        "us",
        Noon,
        [.. ids.Select(id => new HandoffItem(id, IncidentType.DataPipelineLag, Severity.Sev2, WorkStatus.InProgress, true, 30, 0, "worked it", "finish it"))],
        Wall,
        Noon.AddMinutes(1));

    [Fact]
    public void Another_incident_under_a_used_message_id_is_refused_naming_both_and_the_same_one_again_is_a_counted_redelivery()
    {
        using var refused = new RefusalCounter("ops.messages.refused");
        using var redelivered = new RefusalCounter("ops.messages.redeliveries_discarded");
        using var host = Dispatch();
        var dispatch = host.Services.GetRequiredService<DurableDispatch>();
        var first = dispatch.Apply(Raised("INC-R0001"), "message-1");

        var problem = Assert.Throws<InvalidMessageException>(() => dispatch.Apply(Raised("INC-R0002"), "message-1"));
        Assert.StartsWith("IncidentRaised rejected: message id message-1 was applied to IncidentRaised {", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"incidentId\":\"INC-R0001\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"incidentId\":\"INC-R0002\"", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, refused.With("reason", DurableDispatch.ReusedId));
        Assert.Equal(["INC-R0001"], dispatch.Coordinator.Snapshot(Morning, Wall).Incidents.Select(i => i.IncidentId));

        Assert.Same(first, dispatch.Apply(Raised("INC-R0001"), "message-1"));
        Assert.Equal(1, redelivered.With("message", nameof(IncidentRaised)));
        Assert.Equal(1, refused.With("reason", DurableDispatch.ReusedId));
    }

    [Fact]
    public void A_briefing_delivered_again_after_a_restart_is_a_redelivery_and_one_with_other_items_is_refused()
    {
        string handoffId;
        using (var first = Dispatch())
        {
            var dispatch = first.Services.GetRequiredService<DurableDispatch>();
            dispatch.Apply(Raised("INC-R0003"), "raise-3");
            dispatch.Apply(new IncidentAcknowledged("INC-R0003", "my", Morning.AddMinutes(4)), "ack-3");
            handoffId = Assert.Single(dispatch.Advance(Morning, Noon, []).Outputs.OfType<ShiftEnding>()).HandoffId;
            dispatch.Apply(Briefing(handoffId, "INC-R0003"), "brief-1");
            dispatch.Apply(Briefing(handoffId, "INC-R0003"), "brief-1");
        }

        using var second = Dispatch();
        var resumed = second.Services.GetRequiredService<DurableDispatch>();
        resumed.Apply(Briefing(handoffId, "INC-R0003"), "brief-1");
        Assert.Throws<InvalidMessageException>(() => resumed.Apply(Briefing(handoffId, "INC-R0003", "INC-R0004"), "brief-1"));
        var handoff = resumed.Coordinator.Snapshot(Noon, Wall).Handoffs.Single(h => h.HandoffId == handoffId);
        Assert.Equal(["INC-R0003"], handoff.Items.Select(i => i.IncidentId));
        Assert.Equal(HandoffStatus.Briefed, handoff.Status);
    }
}
