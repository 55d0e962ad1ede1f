using Malaysia.Ops.Messaging.Health;
using Malaysia.Ops.ServiceDefaults.Health;
using MassTransit;

namespace Malaysia.Ops.Service.Tests;

/// <summary>MassTransit's receive endpoint events as readiness reads them: each endpoint named by
/// its queue, and the bus's own endpoint, connected but waiting for a request client, up.</summary>
public sealed class EndpointReadinessObserverSpecs
{
    private static readonly Uri Dispatch = new("rabbitmq://localhost/malaysia-ops/dispatch");
    private static readonly Uri BusEndpoint = new("rabbitmq://localhost/malaysia-ops/host_dispatch_bus_abcd?temporary=true");

    private sealed record Ready(Uri InputAddress, bool IsStarted) : ReceiveEndpointReady
    {
        public IReceiveEndpoint ReceiveEndpoint => null!;
    }

    private sealed record Faulted(Uri InputAddress, Exception Exception) : ReceiveEndpointFaulted
    {
        public IReceiveEndpoint ReceiveEndpoint => null!;
    }

    [Fact]
    public async Task The_bus_endpoint_connected_and_waiting_for_a_request_client_is_ready()
    {
        var readiness = new EndpointReadiness();
        var observer = new EndpointReadinessObserver(readiness, TimeProvider.System);

        await observer.Ready(new Ready(Dispatch, IsStarted: true));
        await observer.Ready(new Ready(BusEndpoint, IsStarted: false));

        Assert.Empty(readiness.NotReady(DateTimeOffset.UtcNow));
        Assert.Equal(2, readiness.Count);
    }

    [Fact]
    public async Task A_faulted_endpoint_is_named_by_its_queue_with_the_fault()
    {
        var readiness = new EndpointReadiness();
        var observer = new EndpointReadinessObserver(readiness, TimeProvider.System);
        await observer.Ready(new Ready(Dispatch, IsStarted: true));

        await observer.Faulted(new Faulted(Dispatch, new InvalidOperationException("Broker unreachable: guest@localhost:5672/malaysia-ops")));

        var line = Assert.Single(readiness.NotReady(DateTimeOffset.UtcNow));
        Assert.StartsWith("dispatch not consuming since ", line, StringComparison.Ordinal);
        Assert.EndsWith(": faulted: Broker unreachable: guest@localhost:5672/malaysia-ops", line, StringComparison.Ordinal);
    }
}
