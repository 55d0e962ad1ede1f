namespace Malaysia.Ops.OperationsConsole.Board;

public sealed record TimeSpanOnStrip(DateTimeOffset From, DateTimeOffset To);
