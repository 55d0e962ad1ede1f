using System.Globalization;
using MassTransit;

namespace Malaysia.Ops.Messaging.Health;

/// <summary>Carries MassTransit's receive endpoint events to <see cref="EndpointReadiness"/>,
/// each endpoint named by its queue, at the wall clock's time (a probe waits in wall time, not in
/// the run's simulated time).</summary>
internal sealed class EndpointReadinessObserver(EndpointReadiness readiness, TimeProvider wall) : IReceiveEndpointObserver
{
    // Ready but not started is an endpoint connected to its queue with nothing to consume yet:
    // the bus's own endpoint stays so until a request client first listens on it, and counts
    // as up (as MassTransit counts it).
    public Task Ready(ReceiveEndpointReady ready)
    {
        readiness.Consuming(Queue(ready.InputAddress), wall.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping)
    {
        readiness.NotConsuming(Queue(stopping.InputAddress), "stopping", wall.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Completed(ReceiveEndpointCompleted completed)
    {
        readiness.NotConsuming(
            Queue(completed.InputAddress),
            string.Create(CultureInfo.InvariantCulture, $"stopped after {completed.DeliveryCount} deliveries"),
            wall.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        readiness.NotConsuming(Queue(faulted.InputAddress), $"faulted: {faulted.Exception?.Message ?? "no reason given"}", wall.GetUtcNow());
        return Task.CompletedTask;
    }

    private static string Queue(Uri inputAddress) =>
        inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [.., var last] ? last : inputAddress.ToString();
}
