using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>A briefing a desk holds for its outgoing lead to write: the open items, with the
/// simulated desk's draft of each, since <paramref name="HeldAt"/> (simulated).</summary>
public sealed record BriefingToWrite(string HandoffId, string FromDeskId, string ToDeskId, DateTimeOffset HeldAt, IReadOnlyList<HandoffItem> Items);
