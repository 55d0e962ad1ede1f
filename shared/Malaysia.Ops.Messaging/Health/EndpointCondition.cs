namespace Malaysia.Ops.Messaging.Health;

/// <summary>What one receive endpoint was last seen doing: consuming or not since
/// <paramref name="Since"/>, and the last reason it stopped, if it ever did.</summary>
internal sealed record EndpointCondition(bool Consuming, DateTimeOffset Since, string? LastProblem, DateTimeOffset? LastProblemAt);
