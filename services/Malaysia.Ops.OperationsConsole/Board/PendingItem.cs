using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>One item of a briefing as the incoming lead sees it: <paramref name="Status"/> as the
/// outgoing desk left it, <paramref name="State"/> as the incoming desk has decided on it; the
/// structured briefing as written (null fields: not written, or left out) and the incoming lead's
/// <paramref name="ReadBack"/> of it.</summary>
public sealed record PendingItem(
    string IncidentId,
    IncidentType Type,
    Severity Severity,
    WorkStatus Status,
    bool Acknowledged,
    double RemainingWorkMinutes,
    string Notes,
    string NextAction,
    bool ContextMissing,
    PendingItemState State,
    double WaitingMinutes,
    Severity? JudgedSeverity = null,
    string? Summary = null,
    IReadOnlyList<string>? Actions = null,
    string? WatchFor = null,
    string? IfItHappens = null,
    string? ReadBack = null);
