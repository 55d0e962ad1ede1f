using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Counts customers' workloads for the run's figures: submitted, completed, failed (a
/// failure's incident comes in as an ordinary <see cref="IncidentRaised"/>). A large workload is
/// also a request to the desk that runs its cluster: capacity to approve.</summary>
public sealed class WorkloadConsumer(DurableDispatch dispatch) :
    IConsumer<WorkloadSubmitted>, IConsumer<WorkloadCompleted>, IConsumer<WorkloadFailed>
{
    public Task Consume(ConsumeContext<WorkloadSubmitted> context) => dispatch.ConsumeAsync(context);

    public Task Consume(ConsumeContext<WorkloadCompleted> context) => dispatch.ConsumeAsync(context);

    public Task Consume(ConsumeContext<WorkloadFailed> context) => dispatch.ConsumeAsync(context);
}
