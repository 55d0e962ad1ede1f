using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Desks;

/// <summary>Something the desk did at a simulated instant, for the service to announce.</summary>
public abstract record DeskEvent(DateTimeOffset At);

public sealed record IncidentAcknowledgedByDesk(string IncidentId, DateTimeOffset At) : DeskEvent(At);

public sealed record WorkStarted(string IncidentId, DateTimeOffset At) : DeskEvent(At);

public sealed record IncidentResolvedByDesk(string IncidentId, DateTimeOffset At) : DeskEvent(At);

public sealed record HandoffItemTakenOver(string HandoffId, string IncidentId, DateTimeOffset BriefingSentAtWall, DateTimeOffset At) : DeskEvent(At);

public sealed record HandoffIntakeFinished(string HandoffId, string FromDeskId, int ItemsAccepted, DateTimeOffset BriefingSentAtWall, DateTimeOffset At) : DeskEvent(At);

/// <summary>The incoming lead could not take an item over from its briefing and asked.</summary>
public sealed record HandoffItemQueriedByDesk(string HandoffId, string IncidentId, DateTimeOffset At, string? Question = null) : DeskEvent(At);

/// <summary>Work started on a handed-over item whose briefing had left context out.</summary>
public sealed record HandoffSurpriseFoundByDesk(string HandoffId, string IncidentId, double ExtraWorkMinutes, DateTimeOffset At) : DeskEvent(At);

/// <summary>Triage found the incident cannot go on without another desk's help.</summary>
public sealed record AssistNeeded(string IncidentId, DateTimeOffset At) : DeskEvent(At);

/// <summary>This desk gave the help another desk asked for.</summary>
public sealed record AssistGiven(string IncidentId, string RequesterDeskId, AssistKind Kind, DateTimeOffset RequestedAt, DateTimeOffset At) : DeskEvent(At);
