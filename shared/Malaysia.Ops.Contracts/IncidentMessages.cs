namespace Malaysia.Ops.Contracts;

/// <summary>Workload raised an alert that needs a person. <paramref name="WorkMinutes"/> is the
/// hands-on effort the incident will take, drawn from the run's seeded stream so that every
/// process of a run (and every rerun with the same seed) sees the same operation.</summary>
public sealed record IncidentRaised(
    string IncidentId,
    IncidentType Type,
    Severity Severity,
    string ClusterId,
    string Summary,
    double WorkMinutes,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>Dispatch gave the incident to a desk. When no desk is on duty the incident goes to
/// the next desk to come on, <paramref name="DeskOnDutyFrom"/> says when that is, and
/// <paramref name="ArrivedInCoverageGap"/> is set.</summary>
public sealed record IncidentAssigned(
    string IncidentId,
    string DeskId,
    string ShiftId,
    DateTimeOffset DeskOnDutyFrom,
    bool ArrivedInCoverageGap,
    IncidentType Type,
    Severity Severity,
    double WorkMinutes,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

public sealed record IncidentAcknowledged(
    string IncidentId,
    string DeskId,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

public sealed record IncidentUpdated(
    string IncidentId,
    string DeskId,
    string Note,
    string NextAction,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>Dispatch escalates an incident whose acknowledgement target is near: from the desk
/// holding it (<paramref name="FromDeskId"/>) to another desk on duty
/// (<paramref name="DeskId"/>, in its shift <paramref name="ShiftId"/>), or, when no other desk
/// is on duty, <paramref name="Paged"/>: the holding desk's on-call engineer is paged.</summary>
public sealed record IncidentEscalated(
    string IncidentId,
    string FromDeskId,
    string DeskId,
    bool Paged,
    string? ShiftId,
    DateTimeOffset? DeskOnDutyFrom,
    string Reason,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

public sealed record IncidentResolved(
    string IncidentId,
    string DeskId,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;
