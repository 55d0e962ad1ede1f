using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// Everything the live board shows at one moment, as <c>GET /api/board</c> returns it and
/// <c>GET /api/board/stream</c> pushes it (server-sent events, event name <c>board</c>).
/// Times are simulated unless a name says wall. Serialised in camelCase.
/// </summary>
public sealed record BoardSnapshot(
    string Scenario,
    string Mode,
    RunStatus Run,
    IReadOnlyList<ZoneClock> Clocks,
    DutyStatus Duty,
    CoverageStrip Coverage,
    IReadOnlyList<DeskBoard> Desks,
    IReadOnlyList<HandoffRow> Handoffs,
    IReadOnlyList<PendingBriefing> Rehearsal,
    BoardFlow Flow,
    BoardTotals Totals,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary><paramref name="LoadIncidentsPerHour"/>: the extra synthetic load running now, if any.</summary>
public sealed record RunStatus(RunState State, DateTimeOffset SimulatedNow, double Speed, DateTimeOffset Start, DateTimeOffset End, double? LoadIncidentsPerHour);

/// <summary>Simulated time in one place, e.g. "New York", "America/New_York", "09:12", "Mon 13 Jul".</summary>
public sealed record ZoneClock(string Label, string TimeZone, string Time, string Date, string UtcOffset);

/// <summary>Who is on duty now and the next change of hands, <paramref name="NextHandoffInMinutes"/>
/// simulated minutes away.</summary>
public sealed record DutyStatus(IReadOnlyList<string> OnDuty, NextHandoff? Next);

public sealed record NextHandoff(string FromDeskId, string ToDeskId, DateTimeOffset At, double InMinutes);

/// <summary>The 24 simulated hours from <paramref name="From"/>: each desk's shifts and the
/// stretches nobody covers.</summary>
public sealed record CoverageStrip(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DeskCoverage> Desks, IReadOnlyList<TimeSpanOnStrip> Gaps);

public sealed record DeskCoverage(string DeskId, string Name, IReadOnlyList<TimeSpanOnStrip> Shifts);

public sealed record TimeSpanOnStrip(DateTimeOffset From, DateTimeOffset To);

/// <summary>One desk: on duty or not, in rehearsal (a person takes its handoffs) or not, the
/// faults injected into it, and its open incidents, most urgent first.</summary>
public sealed record DeskBoard(
    string DeskId,
    string Name,
    string TimeZone,
    bool OnDuty,
    bool Human,
    IReadOnlyList<string> Faults,
    IReadOnlyList<OpenIncident> Open);

/// <summary>An open incident on the desk that holds it.</summary>
public sealed record OpenIncident(
    string IncidentId,
    IncidentType Type,
    Severity Severity,
    double AgeMinutes,
    OpenIncidentStatus Status,
    SlaState Sla,
    string? TraceUrl,
    bool Synthetic);

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

/// <summary>A briefing waiting for a person on a desk in rehearsal mode.</summary>
public sealed record PendingBriefing(string HandoffId, string FromDeskId, string ToDeskId, DateTimeOffset BriefedAt, IReadOnlyList<PendingItem> Items);

/// <summary>One item of a briefing as the incoming lead sees it: <paramref name="Status"/> as the
/// outgoing desk left it, <paramref name="State"/> as the incoming desk has decided on it.</summary>
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
    double WaitingMinutes);

/// <summary>Traffic: incidents raised and resolved in the last simulated hour, messages the
/// console saw per wall second, and the broker's (or in-memory bus's) queue depth and consumers.</summary>
public sealed record BoardFlow(double RaisedLastHour, double ResolvedLastHour, double MessagesPerSecond, long? QueueDepth, int? Consumers);

/// <summary>The run's counts. <paramref name="IncidentsDropped"/> and <paramref name="ItemsDropped"/>:
/// open incidents and handoff items the board let go of (the oldest first) to stay within what
/// it holds; the run itself still has them.</summary>
public sealed record BoardTotals(int Raised, int Resolved, int Open, int Escalated, int Handoffs, int ItemsAccepted, int ItemsEscalated, int IncidentsDropped, int ItemsDropped);

/// <summary>One line of the board's timeline.</summary>
public sealed record TimelineEntry(DateTimeOffset At, DateTimeOffset Wall, TimelineKind Kind, string Text);
