using Malaysia.Ops.Contracts;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Counts customers' workloads for the run's figures: submitted, completed, failed (a
/// failure's incident comes in as an ordinary <see cref="IncidentRaised"/>). A large workload is
/// also a request to the desk that runs its cluster: capacity to approve.</summary>
public sealed class WorkloadConsumer(DispatchCoordinator coordinator) :
    IConsumer<WorkloadSubmitted>, IConsumer<WorkloadCompleted>, IConsumer<WorkloadFailed>
{
    public async Task Consume(ConsumeContext<WorkloadSubmitted> context)
    {
        await Count(context.Message);
        if (coordinator.CapacityRequest(context.Message) is { } routed)
        {
            await context.Publish(routed);
        }
    }

    public Task Consume(ConsumeContext<WorkloadCompleted> context) => Count(context.Message);

    public Task Consume(ConsumeContext<WorkloadFailed> context) => Count(context.Message);

    private Task Count(IOpsMessage message)
    {
        coordinator.Workload(message);
        return Task.CompletedTask;
    }
}
