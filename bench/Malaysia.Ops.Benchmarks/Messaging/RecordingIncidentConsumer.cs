using Malaysia.Ops.Contracts;
using MassTransit;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>The product path's consumer: reports each incident to the run's recorder, as a
/// service's consumer would take it, through the endpoint's full pipeline.</summary>
public sealed class RecordingIncidentConsumer(DeliveryRecorder recorder) : IConsumer<IncidentRaised>
{
    public Task Consume(ConsumeContext<IncidentRaised> context)
    {
        recorder.Received(BenchmarkIncidents.Sequence(context.Message), (int)(context.ReceiveContext.Body.Length ?? 0));
        return Task.CompletedTask;
    }
}
