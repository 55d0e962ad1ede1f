namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary><paramref name="LoadIncidentsPerHour"/>: the extra synthetic load running now, if any.</summary>
public sealed record RunStatus(RunState State, DateTimeOffset SimulatedNow, double Speed, DateTimeOffset Start, DateTimeOffset End, double? LoadIncidentsPerHour);
