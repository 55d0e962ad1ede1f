namespace Malaysia.Ops.Contracts;

// Messages from the operations console to the services it drives. Each names who asked
// (RequestedBy) so that every control action can be logged and shown on the board's timeline.

/// <summary>Written as its number, which the console's requests depend on; so a request that
/// leaves it out reads as Pause, and dispatch refuses a request that does not name who asked.</summary>
public enum ClockChange
{
    Pause,
    Resume,
    Speed,
}

/// <summary>Console to dispatch, the clock's owner: pause, resume or change the run's speed.
/// Dispatch applies it and announces the clock at once, so every process follows.</summary>
public sealed record SimulationClockChangeRequested(
    ClockChange Change,
    double? Speed,
    string RequestedBy,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

public enum DeskFault
{
    /// <summary>The desk goes down: nothing is worked, acknowledged or briefed until it resumes;
    /// what reaches it meanwhile waits, as it would in its queue.</summary>
    Stop,
    Resume,

    /// <summary>New work takes <c>Factor</c> times as long (a tired or short-handed desk).</summary>
    Slow,
    NormalSpeed,

    /// <summary>The desk's next handoff briefing is lost.</summary>
    DropNextBriefing,

    /// <summary>The desk's next handoff briefing goes out <c>DelayMinutes</c> simulated minutes late.</summary>
    DelayNextBriefing,

    /// <summary>Every fault above is lifted.</summary>
    ClearAll,
}

/// <summary>Console to a desk: a fault injected into it (or lifted).</summary>
public sealed record DeskFaultInjected(
    string DeskId,
    DeskFault Fault,
    double? Factor,
    double? DelayMinutes,
    string RequestedBy,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>Console to a desk: a person takes (or no longer takes) its incoming handoffs, or,
/// with <paramref name="Outgoing"/>, writes (or no longer writes) its outgoing briefings.</summary>
public sealed record DeskRehearsalModeSet(
    string DeskId,
    bool Human,
    string RequestedBy,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1,
    bool Outgoing = false) : IOpsMessage;

/// <summary>Console to a desk in rehearsal: the person's decision on one briefed item, accept or
/// query (with their question), and the item as they read it back in their own words.</summary>
public sealed record HandoffItemDecided(
    string HandoffId,
    string IncidentId,
    string DeskId,
    bool Accept,
    string? Question,
    string DecidedBy,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1,
    string? ReadBack = null) : IOpsMessage;

/// <summary>Console to a desk whose outgoing lead is a person: the briefing they wrote for
/// <paramref name="HandoffId"/>. An open item not among <paramref name="Items"/> is left out: it
/// still changes hands, with its context missing.</summary>
public sealed record HandoffBriefingWritten(
    string HandoffId,
    string DeskId,
    IReadOnlyList<WrittenBriefingItem> Items,
    string WrittenBy,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>One item of a briefing a person wrote (see <see cref="HandoffItem"/>'s fields).</summary>
public sealed record WrittenBriefingItem(
    string IncidentId,
    Severity JudgedSeverity,
    string Summary,
    IReadOnlyList<string> Actions,
    string WatchFor,
    string IfItHappens);

/// <summary>A desk's own account of how it runs after a control: in rehearsal or not, and the
/// faults in force (e.g. "stopped", "slow ×2", "next briefing dropped").
/// <paramref name="Started"/>: the desk has just started with nothing in hand; when
/// <paramref name="Instance"/> (one per process) differs from the one dispatch last heard from,
/// the desk restarted and dispatch gives it back the open work it owns.
/// <paramref name="HumanBriefing"/>: a person writes the desk's outgoing briefings;
/// <paramref name="BriefingToWrite"/>: the briefing the desk holds for them to write now, drafted
/// as the simulated desk would have written it.</summary>
public sealed record DeskStateReported(
    string DeskId,
    bool Human,
    IReadOnlyList<string> Faults,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1,
    bool Started = false,
    Guid Instance = default,
    bool HumanBriefing = false,
    HandoffBriefing? BriefingToWrite = null) : IOpsMessage;

/// <summary>A desk process to its own desk's queue, on RabbitMQ: the queue has a single active
/// consumer, and a process that is handed a delivery from it is the desk's active process. A hot
/// standby sends one now and then so that it learns it was made active even when no other message
/// comes; the active process takes it and does nothing else with it.</summary>
public sealed record DeskStandbyProbe(
    string DeskId,
    Guid Instance,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;
