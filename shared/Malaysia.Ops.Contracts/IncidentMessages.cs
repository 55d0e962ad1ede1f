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
/// <paramref name="ArrivedInCoverageGap"/> is set. <paramref name="SentAtWall"/>: the wall
/// instant it was decided; a desk process started well after it takes it as one that waited in
/// the queue while the desk was down (dispatch gives a restarted desk whatever it still owns).</summary>
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
    int SchemaVersion = MessageSchema.V1,
    DateTimeOffset? SentAtWall = null) : IOpsMessage;

public sealed record IncidentAcknowledged(
    string IncidentId,
    string DeskId,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>A desk's news of an incident it holds. <paramref name="WorkStarted"/>: an engineer
/// started work on it at <paramref name="SimulatedAt"/>, which dispatch books as the end of its
/// wait in the queue and the start of engineer time spent on it.</summary>
public sealed record IncidentUpdated(
    string IncidentId,
    string DeskId,
    string Note,
    string NextAction,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1,
    bool WorkStarted = false) : IOpsMessage;

/// <summary>Dispatch escalates an incident whose acknowledgement target is near: from the desk
/// holding it (<paramref name="FromDeskId"/>) to another desk on duty
/// (<paramref name="DeskId"/>, in its shift <paramref name="ShiftId"/>), or, when no other desk
/// is on duty, <paramref name="Paged"/>: the holding desk's on-call engineer is paged.
/// <paramref name="TakenWhileDown"/>: the holding desk was down (silent past dispatch's limit)
/// when its handoff closed, so dispatch has already given the incident to
/// <paramref name="DeskId"/> itself; the holder, if it comes back, drops it whatever it had done
/// with it, and passes nothing on.</summary>
public sealed record IncidentEscalated(
    string IncidentId,
    string FromDeskId,
    string DeskId,
    bool Paged,
    string? ShiftId,
    DateTimeOffset? DeskOnDutyFrom,
    string Reason,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1,
    bool TakenWhileDown = false) : IOpsMessage;

public sealed record IncidentResolved(
    string IncidentId,
    string DeskId,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;
