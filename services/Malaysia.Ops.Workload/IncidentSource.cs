using Malaysia.Ops.Clock;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Workload;

/// <summary>
/// Raises the run's incident stream (<see cref="IncidentSchedule"/>) in simulated time: sleeps
/// until the next incident is due and publishes it.
/// </summary>
public sealed class IncidentSource(
    SimulationClock clock,
    IBus bus,
    IHostApplicationLifetime lifetime,
    IOptions<SimulationOptions> simulation,
    IOptions<WorkloadOptions> workload,
    ILogger<IncidentSource> logger) : RunLoop(lifetime)
{
    private readonly Alarm alarm = clock.CreateAlarm("workload");
    private long raised;

    /// <summary>Incidents this process has published.</summary>
    public long Raised => Interlocked.Read(ref raised);

    /// <summary>True once the source has raised everything up to RaiseUntil.</summary>
    public bool Finished { get; private set; }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var sleeping = alarm;
        await clock.Started.WaitAsync(stoppingToken);

        var options = workload.Value;
        var schedule = new IncidentSchedule(options, simulation.Value.Seed, clock.Epoch, clock.GetUtcNow(), SourceCatchUp.Window(clock));
        logger.LogInformation("Raising incidents at {Rate}/h from {Now:u}", options.IncidentsPerHour, clock.GetUtcNow());
        while (schedule.NextDueAt() is { } due)
        {
            while (clock.GetUtcNow() < due)
            {
                await alarm.SleepUntilAsync(due, stoppingToken);
            }

            foreach (var incident in schedule.Advance(clock.GetUtcNow()))
            {
                await bus.RaiseAsync(incident, synthetic: false, stoppingToken);
                Interlocked.Increment(ref raised);
            }
        }

        Finished = true;
        logger.LogInformation("Incident stream finished: {Raised} raised by this process", Raised);
    }
}
