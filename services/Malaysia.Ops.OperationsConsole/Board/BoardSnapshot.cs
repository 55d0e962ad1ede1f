namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// Everything the live board shows at one moment, as <c>GET /api/board</c> returns it and
/// <c>GET /api/board/stream</c> pushes it (server-sent events, event name <c>board</c>).
/// Times are simulated unless a name says wall. Serialised in camelCase. <c>ToWrite</c>: the
/// briefings desks hold for their outgoing leads to write.
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
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<BriefingToWrite> ToWrite)
{
    /// <summary>The console's synthetic load: its live figures, chart and thresholds.</summary>
    public LoadPanel? Load { get; init; }
}
