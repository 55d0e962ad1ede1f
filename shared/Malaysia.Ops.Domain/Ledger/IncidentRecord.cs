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
/// target; <paramref name="Paged"/>: an on-call engineer was paged for it instead.</summary>
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
    bool Paged = false);
