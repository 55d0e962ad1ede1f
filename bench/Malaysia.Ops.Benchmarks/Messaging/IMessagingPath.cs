using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>One way of getting an incident from a publisher to its consumers through the
/// broker: publish completes when the broker has confirmed the message.</summary>
public interface IMessagingPath : IAsyncDisposable
{
    /// <summary>Declares what the path needs on the broker and starts its consumers, which
    /// report every delivery to <paramref name="recorder"/>.</summary>
    Task StartAsync(int consumers, DeliveryRecorder recorder, CancellationToken cancellationToken);

    Task PublishAsync(IncidentRaised message, CancellationToken cancellationToken);
}
