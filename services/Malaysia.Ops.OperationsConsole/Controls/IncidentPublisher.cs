using System.Diagnostics;
using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;

namespace Malaysia.Ops.OperationsConsole.Controls;

/// <summary>Raises incidents into the run as the workload does: each starts its own trace, so it
/// can be followed from the board to its trace like any other.</summary>
public sealed class IncidentPublisher(IBus bus)
{
    public async Task PublishAsync(IncidentRaised raised, bool synthetic, CancellationToken cancellationToken)
    {
        using var activity = OpsTelemetry.ActivitySource.StartActivity($"raise {raised.IncidentId}", ActivityKind.Producer);
        activity?.SetTag("ops.incident.id", raised.IncidentId);
        activity?.SetTag("ops.incident.type", raised.Type.ToString());
        activity?.SetTag("ops.incident.severity", raised.Severity.ToString());
        activity?.SetTag("ops.simulated_time", raised.SimulatedAt.ToString("O", CultureInfo.InvariantCulture));
        activity?.SetTag("ops.synthetic", synthetic);
        await bus.Publish(raised, context => context.Headers.Set(IncidentIds.SyntheticHeader, synthetic ? "true" : "false"), cancellationToken);
    }
}
