namespace Malaysia.Ops.Domain.Ledger;

public enum HandoffStatus
{
    /// <summary>The shift ended; no briefing has arrived yet.</summary>
    AwaitingBriefing,

    /// <summary>The incoming desk is taking the items over.</summary>
    Briefed,

    /// <summary>The incoming desk took over every item.</summary>
    Completed,

    /// <summary>The window closed with items (or the whole briefing) not taken over.</summary>
    Escalated,
}

/// <summary>One item of a handoff and how long it took to change hands.</summary>
public sealed record HandoffItemRecord(
    string IncidentId,
    DateTimeOffset? AcceptedAt,
    double? LatencySimulatedMinutes,
    double? LatencyWallMilliseconds,
    bool Escalated);

/// <summary>One handoff between two desks at a shift boundary. <paramref name="Omissions"/>:
/// items briefed with their context missing; <paramref name="Queries"/>: items the incoming desk
/// asked about; <paramref name="Surprises"/>: missing context found only when work started;
/// <paramref name="BlankFields"/>: notes and next actions the briefing left blank.</summary>
public sealed record HandoffRecord(
    string HandoffId,
    string FromDeskId,
    string ToDeskId,
    DateTimeOffset ShiftEndsAt,
    DateTimeOffset AcceptFrom,
    DateTimeOffset Deadline,
    HandoffStatus Status,
    DateTimeOffset? BriefingSentAtWall,
    IReadOnlyList<HandoffItemRecord> Items,
    DateTimeOffset? CompletedAt,
    double? LatencySimulatedMinutes,
    double? LatencyWallMilliseconds,
    int Omissions = 0,
    int Queries = 0,
    int Surprises = 0,
    int BlankFields = 0)
{
    public string Direction => $"{FromDeskId}->{ToDeskId}";
}

/// <summary>What an acceptance did to the book.</summary>
public enum HandoffAcceptance
{
    /// <summary>Unknown handoff, or the item was accepted already.</summary>
    Ignored,

    Accepted,

    /// <summary>Accepted in time, but heard of after the window was closed: no longer escalated.</summary>
    EscalationWithdrawn,

    /// <summary>Accepted after the deadline: recorded, and still escalated.</summary>
    AcceptedLate,
}
