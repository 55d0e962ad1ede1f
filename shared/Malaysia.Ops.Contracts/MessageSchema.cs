namespace Malaysia.Ops.Contracts;

/// <summary>
/// Every message carries a schema version so that a consumer can tell which shape it was
/// given. Contracts evolve additively: a new optional member keeps the version, a change of
/// meaning bumps it.
/// </summary>
public static class MessageSchema
{
    public const int V1 = 1;
}

/// <summary>What every message of the operation has in common.</summary>
public interface IOpsMessage
{
    /// <summary>The simulated instant the event happened at (not the wall time it was sent).</summary>
    DateTimeOffset SimulatedAt { get; }

    int SchemaVersion { get; }
}
