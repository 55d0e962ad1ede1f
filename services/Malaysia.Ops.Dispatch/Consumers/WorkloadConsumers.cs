using Malaysia.Ops.Contracts;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Counts customers' workloads for the run's figures: submitted, completed, failed (a
/// failure's incident comes in as an ordinary <see cref="IncidentRaised"/>).</summary>
public sealed class WorkloadConsumer(DispatchCoordinator coordinator) :
    IConsumer<WorkloadSubmitted>, IConsumer<WorkloadCompleted>, IConsumer<WorkloadFailed>
{
    public Task Consume(ConsumeContext<WorkloadSubmitted> context) => Count(context.Message);

    public Task Consume(ConsumeContext<WorkloadCompleted> context) => Count(context.Message);

    public Task Consume(ConsumeContext<WorkloadFailed> context) => Count(context.Message);

    private Task Count(IOpsMessage message)
    {
        coordinator.Workload(message);
        return Task.CompletedTask;
    }
}
