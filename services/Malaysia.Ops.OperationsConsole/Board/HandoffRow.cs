using Malaysia.Ops.Domain.HandoffScoring;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>A recent handoff: items briefed, accepted, queried and escalated, and the latency of
/// its accepted items in simulated minutes (p50 and max). Null latency: nothing accepted yet.
/// <paramref name="Score"/>: its handoff quality score with its band and parts, from dispatch's
/// book (<see cref="HandoffScorer"/>), once the handoff is over; null while it is open, or when
/// the console is attached (dispatch's report scores it then).</summary>
public sealed record HandoffRow(
    string HandoffId,
    string FromDeskId,
    string ToDeskId,
    DateTimeOffset BriefedAt,
    int Items,
    int Accepted,
    int Queried,
    int Escalated,
    double? LatencyP50Minutes,
    double? LatencyMaxMinutes,
    bool Completed,
    bool ByPerson,
    HandoffScore? Score = null);
