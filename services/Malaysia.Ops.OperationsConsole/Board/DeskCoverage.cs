namespace Malaysia.Ops.OperationsConsole.Board;

public sealed record DeskCoverage(string DeskId, string Name, IReadOnlyList<TimeSpanOnStrip> Shifts);
