namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>A recent handoff: items briefed, accepted, queried and escalated, and the latency of
/// its accepted items in simulated minutes (p50 and max). Null latency: nothing accepted yet.</summary>
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
    bool ByPerson);
