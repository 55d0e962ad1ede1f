using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Dispatch;

/// <summary>Whether the desk a message speaks for may act on what it is about.</summary>
public sealed partial class DispatchCoordinator
{
    /// <summary>
    /// What is wrong with a desk's message about work it was never given: an incident it never
    /// held, a handoff it is not a party to, help it was not asked for. Null when the desk may
    /// act, or when dispatch has never heard of the incident or handoff (nothing would be
    /// booked). A desk holds an incident from when it is given it on: assigned, escalated or
    /// briefed to it, or taken over; news arrives out of order (a resolution by the incoming
    /// desk before the acceptance, an acknowledgement by the holder after an escalation), so a
    /// desk that held an incident once may still speak of it.
    /// </summary>
    public string? Refusal(IOpsMessage message)
    {
        lock (gate)
        {
            return message switch
            {
                IncidentAcknowledged acknowledged => NotHeld(acknowledged.IncidentId, acknowledged.DeskId),
                IncidentResolved resolved => NotHeld(resolved.IncidentId, resolved.DeskId),
                IncidentUpdated updated => NotHeld(updated.IncidentId, updated.DeskId),
                HandoffBriefing briefing => NotParty(briefing.HandoffId, briefing.FromDeskId, briefing.ToDeskId)
                    ?? briefing.Items.Select(i => NotHeld(i.IncidentId, briefing.FromDeskId)).FirstOrDefault(p => p is not null),
                HandoffItemAccepted accepted => NotIncoming(accepted.HandoffId, accepted.IncidentId, accepted.DeskId),
                HandoffItemQueried queried => NotIncoming(queried.HandoffId, queried.IncidentId, queried.DeskId),
                HandoffSurpriseFound surprise => NotIncoming(surprise.HandoffId, surprise.IncidentId, surprise.DeskId),
                HandoffCompleted completed => NotParty(completed.HandoffId, completed.FromDeskId, completed.ToDeskId),
                AssistRequested request => NotHeld(request.IncidentId, request.RequesterDeskId),
                AssistProvided provided => assists.Find(provided.IncidentId, provided.RequesterDeskId, provided.RequestedAt) is { } asked
                    && !SameDesk(asked.ProviderDeskId, provided.ProviderDeskId)
                        ? $"{provided.ProviderDeskId} provided help on {provided.IncidentId} that {asked.ProviderDeskId} was asked for"
                        : null,
                _ => null,
            };
        }
    }

    private static bool SameDesk(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Under the lock.</summary>
    private string? NotHeld(string incidentId, string deskId)
    {
        if (ledger.Find(incidentId) is not { } incident
            || SameDesk(incident.OwnerDeskId, deskId)
            || SameDesk(incident.AssignedDeskId, deskId)
            || SameDesk(incident.EscalatedToDeskId, deskId)
            || book.Carried(incidentId, deskId))
        {
            return null;
        }

        return $"{deskId} never held {incidentId} ({incident.OwnerDeskId ?? "nobody"} holds it)";
    }

    /// <summary>Under the lock.</summary>
    private string? NotParty(string handoffId, string fromDeskId, string toDeskId) =>
        book.Find(handoffId) is { } handoff && !(SameDesk(handoff.FromDeskId, fromDeskId) && SameDesk(handoff.ToDeskId, toDeskId))
            ? $"handoff {handoffId} is from {handoff.FromDeskId} to {handoff.ToDeskId}, not from {fromDeskId} to {toDeskId}"
            : null;

    /// <summary>The incoming desk of a known handoff may speak of the items briefed to it (or of
    /// incidents it held anyway); of an unknown handoff, a desk may speak of what it held.
    /// Under the lock.</summary>
    private string? NotIncoming(string handoffId, string incidentId, string deskId)
    {
        if (book.Find(handoffId) is not { } handoff)
        {
            return NotHeld(incidentId, deskId);
        }

        if (!SameDesk(handoff.ToDeskId, deskId))
        {
            return $"{deskId} is not the incoming desk of handoff {handoffId} (from {handoff.FromDeskId} to {handoff.ToDeskId})";
        }

        return handoff.Items.Any(i => i.IncidentId == incidentId) ? null : NotHeld(incidentId, deskId);
    }
}
