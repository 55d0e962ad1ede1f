namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>The run's counts. <paramref name="IncidentsDropped"/> and <paramref name="ItemsDropped"/>:
/// open incidents and handoff items the board let go of (the oldest first) to stay within what
/// it holds; the run itself still has them.</summary>
public sealed record BoardTotals(int Raised, int Resolved, int Open, int Escalated, int Handoffs, int ItemsAccepted, int ItemsEscalated, int IncidentsDropped, int ItemsDropped);
