namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>Traffic: incidents raised and resolved in the last simulated hour, messages the
/// console saw per wall second, and the broker's (or in-memory bus's) queue depth and consumers.</summary>
public sealed record BoardFlow(double RaisedLastHour, double ResolvedLastHour, double MessagesPerSecond, long? QueueDepth, int? Consumers);
