using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Ledger;

/// <summary>
/// The book of every incident raised and what became of it. Each incident is in it once, open
/// or resolved; repeated or out-of-order news (a redelivered message) changes nothing twice and
/// is counted, so a run can show it happened.
/// </summary>
public sealed class IncidentLedger
{
    private readonly Dictionary<string, IncidentRecord> incidents = new(StringComparer.Ordinal);
    private readonly List<string> insertionOrder = [];

    public int Count => incidents.Count;

    /// <summary>Incidents resolved; the rest of <see cref="Count"/> are open.</summary>
    public int ResolvedCount { get; private set; }

    public int DuplicatesIgnored { get; private set; }

    /// <summary>News about incidents the ledger never saw raised.</summary>
    public int UnknownIncidentEvents { get; private set; }

    public IncidentRecord? Find(string incidentId) => incidents.GetValueOrDefault(incidentId);

    public IEnumerable<IncidentRecord> All => insertionOrder.Select(id => incidents[id]);

    public bool Raise(string incidentId, IncidentType type, Severity severity, DateTimeOffset raisedAt)
    {
        if (incidents.ContainsKey(incidentId))
        {
            DuplicatesIgnored++;
            return false;
        }

        incidents[incidentId] = new IncidentRecord(incidentId, type, severity, raisedAt, IncidentStatus.Open, null, null, false, null, null, null, 0, 0);
        insertionOrder.Add(incidentId);
        return true;
    }

    public bool Assign(string incidentId, string deskId, bool arrivedInCoverageGap) =>
        Update(incidentId, r => r.AssignedDeskId is null
            ? r with { AssignedDeskId = deskId, OwnerDeskId = r.OwnerDeskId ?? deskId, ArrivedInCoverageGap = arrivedInCoverageGap }
            : null);

    /// <summary>Keeps the earliest acknowledgement, and the desk that made it: news can arrive
    /// out of order.</summary>
    public bool Acknowledge(string incidentId, DateTimeOffset at, string? deskId = null) =>
        Update(incidentId, r => r.AcknowledgedAt is null || at < r.AcknowledgedAt ? r with { AcknowledgedAt = at, AcknowledgedByDeskId = deskId } : null);

    /// <summary>An engineer of <paramref name="deskId"/> started work on the incident. Starts are
    /// kept in time order whatever order their news arrives in; a repeated one is a duplicate.</summary>
    public bool StartWork(string incidentId, string deskId, DateTimeOffset at) =>
        Update(incidentId, r =>
        {
            var start = new WorkStart(deskId, at);
            var starts = r.WorkStarts ?? [];
            if (starts.Contains(start))
            {
                return null;
            }

            return r with { WorkStarts = starts.Append(start).OrderBy(s => s.At).ThenBy(s => s.DeskId, StringComparer.Ordinal).ToList() };
        });

    /// <summary>An item of a handoff taken over: the incident passed a shift change, to another
    /// desk or to the next shift of its own. Booked even when the resolution (by the new owner)
    /// was heard of first; the handoff book, not the owner, tells a repeated acceptance.</summary>
    public bool HandOver(string incidentId, string toDeskId) =>
        Update(incidentId, r => r with { OwnerDeskId = toDeskId, TimesHandedOver = r.TimesHandedOver + 1 });

    /// <summary>The incident goes to another desk outside a handoff (its desk restarted or is
    /// down, or an acceptance names a handoff the book does not know): no shift change is counted.</summary>
    public bool ChangeOwner(string incidentId, string toDeskId) =>
        Update(incidentId, r => r.OwnerDeskId != toDeskId ? r with { OwnerDeskId = toDeskId } : null);

    /// <summary>Escalated before its acknowledgement target: to another desk, which owns it
    /// from now on, or (paged, at <paramref name="at"/>) to the holding desk's on-call engineer.</summary>
    public bool EscalateBeforeBreach(string incidentId, string toDeskId, bool paged, DateTimeOffset? at = null) =>
        Update(incidentId, r => r.Status == IncidentStatus.Open && r.EscalatedToDeskId is null && !r.Paged
            ? r with
            {
                Escalations = r.Escalations + 1,
                EscalatedToDeskId = paged ? null : toDeskId,
                OwnerDeskId = paged ? r.OwnerDeskId : toDeskId,
                Paged = paged,
                PagedAt = paged ? at : null,
            }
            : null);

    public bool Escalate(string incidentId) =>
        Update(incidentId, r => r with { Escalations = r.Escalations + 1 });

    /// <summary>An escalation turned out to be wrong (the item had been accepted in time).</summary>
    public bool WithdrawEscalation(string incidentId) =>
        Update(incidentId, r => r.Escalations > 0 ? r with { Escalations = r.Escalations - 1 } : null);

    public bool Resolve(string incidentId, string deskId, DateTimeOffset at)
    {
        var resolved = Update(incidentId, r => r.Status == IncidentStatus.Open
            ? r with { Status = IncidentStatus.Resolved, ResolvedAt = at, ResolvedByDeskId = deskId, AcknowledgedAt = r.AcknowledgedAt ?? at, AcknowledgedByDeskId = r.AcknowledgedAt is null ? deskId : r.AcknowledgedByDeskId }
            : null);
        if (resolved)
        {
            ResolvedCount++;
        }

        return resolved;
    }

    /// <summary>Applies a change; a null change means "already so" and counts as a duplicate.</summary>
    private bool Update(string incidentId, Func<IncidentRecord, IncidentRecord?> change)
    {
        if (!incidents.TryGetValue(incidentId, out var record))
        {
            UnknownIncidentEvents++;
            return false;
        }

        var changed = change(record);
        if (changed is null)
        {
            DuplicatesIgnored++;
            return false;
        }

        incidents[incidentId] = changed;
        return true;
    }
}
