using System.Diagnostics;
using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// Raises an incident into the run, the one way the workload's stream, its load driver and the
/// console all do: each incident starts a trace of its own (a producer span with the incident,
/// its simulated time and whether it is synthetic load, so it can be followed and filtered), is
/// marked synthetic or not in its headers, and is not taken as raised until the broker confirms it.
/// </summary>
public static class IncidentRaising
{
    public static async Task RaiseAsync(this IPublishEndpoint bus, IncidentRaised raised, bool synthetic, CancellationToken cancellationToken)
    {
        // Marked synthetic from its start, so the sampler can keep every real incident's trace
        // and only a share of a load's.
        using var activity = OpsTelemetry.ActivitySource.StartActivity(
            ActivityKind.Producer,
            tags: [new(SyntheticLoadSampler.SyntheticTag, synthetic)],
            name: $"raise {raised.IncidentId}");
        activity?.SetTag("ops.incident.id", raised.IncidentId);
        activity?.SetTag("ops.incident.type", raised.Type.ToString());
        activity?.SetTag("ops.incident.severity", raised.Severity.ToString());
        activity?.SetTag("ops.simulated_time", raised.SimulatedAt.ToString("O", CultureInfo.InvariantCulture));
        await bus.PublishConfirmedAsync(raised, context => context.Headers.Set(IncidentIds.SyntheticHeader, synthetic ? "true" : "false"), cancellationToken);
    }
}
