using System.Diagnostics;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Workload;

/// <summary>
/// Runs the customers' workloads (<see cref="WorkloadSchedule"/>) in simulated time: sleeps until
/// the next event is due and publishes it. The incident a failed workload raises goes out in the
/// incident's own trace, like any other alert.
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
        var schedule = new WorkloadSchedule(workload.Value, simulation.Value.Seed, clock.Epoch, clock.GetUtcNow(), SourceCatchUp.Window(clock));
        while (schedule.NextDueAt() is { } due)
        {
            while (clock.GetUtcNow() < due)
            {
                await alarm.SleepUntilAsync(due, stoppingToken);
            }

            WorkloadFailed? failed = null;
            foreach (var message in schedule.Advance(clock.GetUtcNow()))
            {
                if (message is IncidentRaised incident && failed?.IncidentId == incident.IncidentId)
                {
                    await RaiseAsync(incident, failed, stoppingToken);
                }
                else
                {
                    await bus.PublishConfirmedAsync(message, stoppingToken);
                }

                failed = message as WorkloadFailed;
            }
        }
    }

    private async Task RaiseAsync(IncidentRaised incident, WorkloadFailed failed, CancellationToken cancellationToken)
    {
        using var activity = OpsTelemetry.ActivitySource.StartActivity($"raise {incident.IncidentId}", ActivityKind.Producer);
        activity?.SetTag("ops.incident.id", incident.IncidentId);
        activity?.SetTag("ops.incident.type", incident.Type.ToString());
        activity?.SetTag("ops.incident.severity", incident.Severity.ToString());
        activity?.SetTag("ops.workload.id", failed.WorkloadId);
        activity?.SetTag("ops.simulated_time", failed.SimulatedAt.ToString("O"));
        await bus.PublishConfirmedAsync(incident, cancellationToken);
    }
}
