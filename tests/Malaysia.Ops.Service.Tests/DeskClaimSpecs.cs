using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Messaging.Senders;
using Microsoft.Extensions.DependencyInjection;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// A desk, heard from the broker under its own user, may still speak only of work it was given:
/// dispatch's coordinator refuses news of an incident the desk never held, of a handoff it is
/// no party to, of help it was not asked for, rather than book it; a desk that held an incident
/// once may still speak of it, since news arrives out of order.
/// </summary>
public sealed class DeskClaimSpecs : IDisposable
{
    private const string RunId = "desk-claim-specs";
    private static readonly DateTimeOffset Morning = new(2026, 7, 13, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Noon = Morning.Date.AddHours(12);
    private static readonly DateTimeOffset Wall = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly MessageSender DeskUs = new(true, "desk-us");
    private static readonly MessageSender DeskMy = new(true, "desk-my");
    private readonly string folder = Directory.CreateTempSubdirectory("malaysia-ops-desk-claims-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private DurableDispatch Dispatch(out IDisposable host)
    {
        var built = LedgerStoreSpecs.DispatchOnStore(Path.Combine(folder, "dispatch-{RunId}.db"), RunId, Morning);
        host = built;
        return built.Services.GetRequiredService<DurableDispatch>();
    }

    private static IncidentRaised Raised(string id, int minute) =>
        new(id, IncidentType.DataPipelineLag, Severity.Sev2, "kul-etl-1", "lag", 90, Morning.AddMinutes(minute));

    private static IncidentRecord Incident(DurableDispatch dispatch, string id) =>
        dispatch.Coordinator.Snapshot(Noon, Wall).Incidents.Single(i => i.IncidentId == id);

    [Fact]
    public void A_desk_may_not_resolve_an_incident_another_desk_holds_and_the_refusal_is_counted()
    {
        using var refused = new RefusalCounter("ops.messages.refused");
        var dispatch = Dispatch(out var host);
        using (host)
        {
            dispatch.Apply(Raised("INC-W0001", 1), "raise-1");

            var problem = Assert.Throws<InvalidMessageException>(() => dispatch.Apply(new IncidentResolved("INC-W0001", "us", Morning.AddMinutes(5)), "resolve-us", DeskUs));
            Assert.Equal("IncidentResolved rejected: us never held INC-W0001 (my holds it)", problem.Message);
            Assert.Throws<InvalidMessageException>(() => dispatch.Apply(new IncidentAcknowledged("INC-W0001", "us", Morning.AddMinutes(5)), "ack-us", DeskUs));
            Assert.Equal(IncidentStatus.Open, Incident(dispatch, "INC-W0001").Status);
            Assert.Null(Incident(dispatch, "INC-W0001").AcknowledgedAt);
            Assert.Throws<InvalidMessageException>(() => dispatch.Apply(new IncidentUpdated("INC-W0001", "us", "started", "fix", Morning.AddMinutes(5), WorkStarted: true), "start-us", DeskUs));
            Assert.Null(Incident(dispatch, "INC-W0001").WorkStarts);
            Assert.Equal(3, refused.With("reason", DurableDispatch.NotHolder));

            dispatch.Apply(new IncidentUpdated("INC-W0001", "my", "started", "fix", Morning.AddMinutes(6), WorkStarted: true), "start-my", DeskMy);
            dispatch.Apply(new IncidentResolved("INC-W0001", "my", Morning.AddMinutes(20)), "resolve-my", DeskMy);
            Assert.Equal("my", Incident(dispatch, "INC-W0001").ResolvedByDeskId);
            Assert.Equal([new WorkStart("my", Morning.AddMinutes(6))], Incident(dispatch, "INC-W0001").WorkStarts!);
        }
    }

    [Fact]
    public void Only_the_incoming_desk_takes_over_a_handoff_s_items_and_only_those_briefed_to_it()
    {
        var dispatch = Dispatch(out var host);
        using (host)
        {
            dispatch.Apply(Raised("INC-W0002", 1), "raise-2");
            dispatch.Apply(Raised("INC-W0003", 2), "raise-3");

            // Picked up in time, so neither is escalated to another desk before the handoff.
            dispatch.Apply(new IncidentAcknowledged("INC-W0002", "my", Morning.AddMinutes(4)), "ack-2", DeskMy);
            dispatch.Apply(new IncidentAcknowledged("INC-W0003", "my", Morning.AddMinutes(4)), "ack-3", DeskMy);
            var handoff = Assert.Single(dispatch.Advance(Morning, Noon, []).Outputs.OfType<ShiftEnding>());
            HandoffItem Item(string id) => new(id, IncidentType.DataPipelineLag, Severity.Sev2, WorkStatus.InProgress, true, 30, 0, "worked it", "finish it");

            var reversed = new HandoffBriefing(handoff.HandoffId, "us", "my", handoff.IncomingShiftStartsAt, [], Wall, Noon);
            Assert.Contains("is from my to us, not from us to my", Assert.Throws<InvalidMessageException>(() => dispatch.Apply(reversed, "brief-us", DeskUs)).Message);
            dispatch.Apply(new HandoffBriefing(handoff.HandoffId, "my", "us", handoff.IncomingShiftStartsAt, [Item("INC-W0002")], Wall, Noon.AddMinutes(1)), "brief-my", DeskMy);

            var byOutgoing = new HandoffItemAccepted(handoff.HandoffId, "INC-W0002", "my", Wall, Wall, Noon.AddMinutes(3));
            Assert.Contains("my is not the incoming desk", Assert.Throws<InvalidMessageException>(() => dispatch.Apply(byOutgoing, "accept-my", DeskMy)).Message);
            var notBriefed = new HandoffItemAccepted(handoff.HandoffId, "INC-W0003", "us", Wall, Wall, Noon.AddMinutes(3));
            Assert.Contains("us never held INC-W0003", Assert.Throws<InvalidMessageException>(() => dispatch.Apply(notBriefed, "accept-3", DeskUs)).Message);
            Assert.Equal("my", Incident(dispatch, "INC-W0003").OwnerDeskId);

            dispatch.Apply(new HandoffItemAccepted(handoff.HandoffId, "INC-W0002", "us", Wall, Wall, Noon.AddMinutes(3)), "accept-2", DeskUs);
            Assert.Equal("us", Incident(dispatch, "INC-W0002").OwnerDeskId);

            // The outgoing desk's late news of what it held is still taken.
            dispatch.Apply(new IncidentAcknowledged("INC-W0002", "my", Morning.AddMinutes(3)), "ack-2-again", DeskMy);
            Assert.Equal(Morning.AddMinutes(3), Incident(dispatch, "INC-W0002").AcknowledgedAt);
            dispatch.Apply(new IncidentResolved("INC-W0002", "us", Noon.AddMinutes(30)), "resolve-2", DeskUs);
            Assert.Equal("us", Incident(dispatch, "INC-W0002").ResolvedByDeskId);
        }
    }

    [Fact]
    public void Help_is_given_by_the_desk_asked_for_it()
    {
        var dispatch = Dispatch(out var host);
        using (host)
        {
            dispatch.Apply(Raised("INC-W0004", 1), "raise-4");
            var asked = Morning.AddMinutes(10);
            Assert.Contains("us never held INC-W0004", Assert.Throws<InvalidMessageException>(() =>
                dispatch.Apply(new AssistRequested("INC-W0004", "us", "my", AssistKind.SiteHands, asked), "ask-us", DeskUs)).Message);
            var routed = Assert.Single(dispatch.Apply(new AssistRequested("INC-W0004", "my", "us", AssistKind.SiteHands, asked), "ask-my", DeskMy).Outputs.OfType<AssistRouted>());
            Assert.Equal("us", routed.ProviderDeskId);

            var bySomeoneElse = new AssistProvided("INC-W0004", "my", "my", AssistKind.SiteHands, asked, asked.AddMinutes(10));
            Assert.Contains("my provided help on INC-W0004 that us was asked for", Assert.Throws<InvalidMessageException>(() => dispatch.Apply(bySomeoneElse, "help-my", DeskMy)).Message);
            dispatch.Apply(new AssistProvided("INC-W0004", "my", "us", AssistKind.SiteHands, asked, asked.AddMinutes(10)), "help-us", DeskUs);
        }
    }

    [Fact]
    public void In_one_process_the_coordinator_books_what_it_is_given_as_before()
    {
        var dispatch = Dispatch(out var host);
        using (host)
        {
            dispatch.Apply(Raised("INC-W0005", 1), "raise-5");
            dispatch.Apply(new IncidentResolved("INC-W0005", "us", Morning.AddMinutes(5)), "resolve-5");
            Assert.Equal(IncidentStatus.Resolved, Incident(dispatch, "INC-W0005").Status);
        }
    }
}
