namespace Malaysia.Ops.Contracts;

/// <summary>One piece of open work in a briefing, with what the incoming desk needs to carry on.
/// <paramref name="TraceParent"/> (W3C trace context) keeps the incident's own trace going on
/// the incoming desk, so one incident is one trace across both desks.
/// <paramref name="ContextMissing"/>: the notes left out or garbled what the incoming desk needs;
/// it will query the item or be surprised when it starts work. <paramref name="AssistPending"/>:
/// the item still waits for another desk's help, which the incoming desk must ask for again.
/// The structured briefing, as the outgoing lead (a person, or the simulated desk) wrote it:
/// <paramref name="JudgedSeverity"/> as the lead judges it, a one-line <paramref name="Summary"/>,
/// the <paramref name="Actions"/> to take, what to <paramref name="WatchFor"/> and what to do
/// <paramref name="IfItHappens"/>; absent from senders that write no structured briefing.</summary>
public sealed record HandoffItem(
    string IncidentId,
    IncidentType Type,
    Severity Severity,
    WorkStatus Status,
    bool Acknowledged,
    double RemainingWorkMinutes,
    int TimesHandedOver,
    string Notes,
    string NextAction,
    string? TraceParent = null,
    bool ContextMissing = false,
    bool AssistPending = false,
    Severity? JudgedSeverity = null,
    string? Summary = null,
    IReadOnlyList<string>? Actions = null,
    string? WatchFor = null,
    string? IfItHappens = null);

/// <summary>Outgoing desk to incoming desk: every open item. A desk that receives an assignment
/// for a shift it has already handed over forwards it in a supplementary briefing with the same
/// <paramref name="HandoffId"/>.</summary>
public sealed record HandoffBriefing(
    string HandoffId,
    string FromDeskId,
    string ToDeskId,
    DateTimeOffset IncomingShiftStartsAt,
    IReadOnlyList<HandoffItem> Items,
    DateTimeOffset SentAtWall,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

public sealed record HandoffItemAccepted(
    string HandoffId,
    string IncidentId,
    string DeskId,
    DateTimeOffset BriefingSentAtWall,
    DateTimeOffset AcceptedAtWall,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

public sealed record HandoffItemQueried(
    string HandoffId,
    string IncidentId,
    string DeskId,
    string Question,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>The incoming desk has taken over every item of a briefing.</summary>
public sealed record HandoffCompleted(
    string HandoffId,
    string FromDeskId,
    string ToDeskId,
    int ItemsAccepted,
    int ItemsQueried,
    DateTimeOffset BriefingSentAtWall,
    DateTimeOffset CompletedAtWall,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>Dispatch: an item nobody accepted within the handoff window.</summary>
public sealed record HandoffEscalated(
    string HandoffId,
    string IncidentId,
    string FromDeskId,
    string ToDeskId,
    string Reason,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>The incoming desk started work on a handed-over item and found context the briefing
/// had left out: <paramref name="ExtraWorkMinutes"/> of rework it did not expect.</summary>
public sealed record HandoffSurpriseFound(
    string HandoffId,
    string IncidentId,
    string DeskId,
    double ExtraWorkMinutes,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;
