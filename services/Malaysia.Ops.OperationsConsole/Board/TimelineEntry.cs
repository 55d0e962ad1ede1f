namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>One line of the board's timeline.</summary>
public sealed record TimelineEntry(DateTimeOffset At, DateTimeOffset Wall, TimelineKind Kind, string Text);
