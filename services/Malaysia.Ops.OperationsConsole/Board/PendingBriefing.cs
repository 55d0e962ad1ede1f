namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>A briefing waiting for a person on a desk in rehearsal mode.</summary>
public sealed record PendingBriefing(string HandoffId, string FromDeskId, string ToDeskId, DateTimeOffset BriefedAt, IReadOnlyList<PendingItem> Items);
