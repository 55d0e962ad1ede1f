namespace Malaysia.Ops.OperationsConsole.Board;

public sealed record NextHandoff(string FromDeskId, string ToDeskId, DateTimeOffset At, double InMinutes);
