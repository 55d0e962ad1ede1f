namespace Malaysia.Ops.Contracts;

/// <summary>Dispatch owns the run's clock. It announces the clock when it starts and then
/// periodically, so that processes that start later (or restart) agree on simulated time:
/// simulated = <paramref name="SimulatedAnchor"/> (the epoch when absent)
/// + (wall - <paramref name="WallAnchor"/>) x <paramref name="Speed"/>,
/// or, while <paramref name="Paused"/>, the simulated anchor itself.</summary>
public sealed record SimulationClockAnnounced(
    string RunId,
    DateTimeOffset Epoch,
    DateTimeOffset WallAnchor,
    double Speed,
    int Seed,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1,
    DateTimeOffset? SimulatedAnchor = null,
    bool Paused = false) : IOpsMessage;

public sealed record ShiftStarted(
    string ShiftId,
    string DeskId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>The handoff window opens: the outgoing desk must brief the incoming desk.</summary>
public sealed record ShiftEnding(
    string HandoffId,
    string ShiftId,
    string DeskId,
    string IncomingDeskId,
    string IncomingShiftId,
    DateTimeOffset IncomingShiftStartsAt,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;
