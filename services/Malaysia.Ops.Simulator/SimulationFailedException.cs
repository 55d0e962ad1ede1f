namespace Malaysia.Ops.Simulator;

/// <summary>The run could not complete; the message says why.</summary>
public sealed class SimulationFailedException(string message) : Exception(message);
