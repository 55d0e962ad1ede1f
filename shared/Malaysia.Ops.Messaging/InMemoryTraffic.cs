using Malaysia.Ops.Clock;

namespace Malaysia.Ops.Messaging;

/// <summary>The in-memory bus's traffic on a wall clock: messages published and not yet consumed,
/// and the endpoints consuming them (a console shows them as queue depth and consumers).</summary>
public sealed class InMemoryTraffic
{
    internal InMemoryTraffic(MessageFanOut fanOut) => Endpoints = fanOut.Endpoints;

    public RunActivity Activity { get; } = new();

    public int Endpoints { get; }
}
