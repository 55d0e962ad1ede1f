using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Ledger;

public enum IncidentStatus
{
    Open,
    Resolved,
}

/// <summary>What the ledger knows of one incident. <paramref name="TimesHandedOver"/>: the shift
/// changes it was handed over at (taken over in a handoff), whether the desk changed or not;
/// <paramref name="EscalatedToDeskId"/>: the desk it was escalated to before its acknowledgement
/// target; <paramref name="Paged"/>: an on-call engineer was paged for it instead, at
/// <paramref name="PagedAt"/>. <paramref name="AcknowledgedByDeskId"/>: the desk whose
/// acknowledgement is booked. <paramref name="WorkStarts"/>: every instant an engineer started (or,
/// after a handoff or an outage, went on with) work on it, in time order; the first ends its wait
/// in the queue.</summary>
public sealed record IncidentRecord(
    string IncidentId,
    IncidentType Type,
    Severity Severity,
    DateTimeOffset RaisedAt,
    IncidentStatus Status,
    string? AssignedDeskId,
    string? OwnerDeskId,
    bool ArrivedInCoverageGap,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolvedByDeskId,
    int TimesHandedOver,
    int Escalations,
    string? EscalatedToDeskId = null,
    bool Paged = false,
    DateTimeOffset? PagedAt = null,
    string? AcknowledgedByDeskId = null,
    IReadOnlyList<WorkStart>? WorkStarts = null)
{
    /// <summary>When work on it first started; null while it waits.</summary>
    public DateTimeOffset? WorkStartedAt => WorkStarts is [var first, ..] ? first.At : null;
}

/// <summary>An engineer of <paramref name="DeskId"/> started work on an incident at <paramref name="At"/>.</summary>
public sealed record WorkStart(string DeskId, DateTimeOffset At);
