using Malaysia.Ops.Messaging;
using MassTransit;

namespace Malaysia.Ops.Messaging.RunClock;

public static class ClockFollowing
{
    /// <summary>Follows the clock dispatch announces. Each process listens on a temporary queue
    /// of its own, so every replica of a service hears every announcement.</summary>
    public static OpsBusBuilder FollowRunClock(this OpsBusBuilder bus) => bus
        .Register(x => x.AddConsumer<SimulationClockFollower>())
        .Endpoint([typeof(SimulationClockFollower)], (context, cfg) => cfg.ReceiveEndpoint(
            new TemporaryEndpointDefinition("clock"),
            endpoint => endpoint.ConfigureConsumer<SimulationClockFollower>(context)));
}
