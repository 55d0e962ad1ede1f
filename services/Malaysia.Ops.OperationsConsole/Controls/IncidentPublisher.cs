using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging;
using MassTransit;

namespace Malaysia.Ops.OperationsConsole.Controls;

/// <summary>Raises incidents into the run as the workload does: each starts its own trace, so it
/// can be followed from the board to its trace like any other.</summary>
public sealed class IncidentPublisher(IBus bus)
{
    public Task PublishAsync(IncidentRaised raised, bool synthetic, CancellationToken cancellationToken) =>
        bus.RaiseAsync(raised, synthetic, cancellationToken);
}
