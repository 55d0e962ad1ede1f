using System.Diagnostics;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Workloads;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Workload;

/// <summary>
/// Runs US customers' workloads on the Malaysian GPU clusters in simulated time: announces each
/// submission, its progress and its completion, and when one fails, raises the incident it causes
/// (in the incident's own trace, like any other alert). Like the incident stream, the workloads
/// are a pure function of the seed, so a restart carries on with the same ones.
/// </summary>
public sealed class WorkloadSource(
    SimulationClock clock,
    IBus bus,
    IHostApplicationLifetime lifetime,
    IOptions<SimulationOptions> simulation,
    IOptions<WorkloadOptions> workload) : RunLoop(lifetime)
{
    private readonly Alarm alarm = clock.CreateAlarm("workloads");

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var sleeping = alarm;
        await clock.Started.WaitAsync(stoppingToken);
        var options = workload.Value;
        var events = new WorkloadGenerator(options.ToWorkloadPolicy(), simulation.Value.Seed, clock.Epoch).Events();
        await foreach (var e in alarm.PlayAsync(clock, events, e => e.At, options.RaiseUntil, SourceCatchUp.Window(clock), stoppingToken))
        {
            await PublishAsync(e, stoppingToken);
        }
    }

    private async Task PublishAsync(WorkloadEvent e, CancellationToken cancellationToken)
    {
        await bus.PublishConfirmedAsync(WorkloadEventMessages.Announcement(e), cancellationToken);
        if (e is WorkloadBroke broke)
        {
            using var activity = OpsTelemetry.ActivitySource.StartActivity($"raise {broke.Incident.IncidentId}", ActivityKind.Producer);
            activity?.SetTag("ops.incident.id", broke.Incident.IncidentId);
            activity?.SetTag("ops.incident.type", broke.Incident.Type.ToString());
            activity?.SetTag("ops.incident.severity", broke.Incident.Severity.ToString());
            activity?.SetTag("ops.workload.id", broke.WorkloadId);
            activity?.SetTag("ops.simulated_time", broke.At.ToString("O"));
            await bus.PublishConfirmedAsync(WorkloadEventMessages.Raised(broke.Incident), cancellationToken);
        }
    }
}
