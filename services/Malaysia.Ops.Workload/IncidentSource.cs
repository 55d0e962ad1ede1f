using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Workload;

/// <summary>
/// Raises the run's incident stream in simulated time. The stream is a pure function of the
/// seed, so after a restart the source skips what was due before "now" and carries on with the
/// same incident ids instead of raising new ones under old names.
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
        var generator = new IncidentGenerator(IncidentCatalogue.Default, simulation.Value.Seed, clock.Epoch, options.ToProfile(), options.ToScript());
        logger.LogInformation("Raising incidents at {Rate}/h from {Now:u}", options.IncidentsPerHour, clock.GetUtcNow());
        await foreach (var arrival in alarm.PlayAsync(clock, generator.Arrivals(), a => a.At, options.RaiseUntil, SourceCatchUp.Window(clock), stoppingToken))
        {
            await RaiseAsync(arrival, stoppingToken);
        }

        Finished = true;
        logger.LogInformation("Incident stream finished: {Raised} raised by this process", Raised);
    }

    private async Task RaiseAsync(IncidentArrival arrival, CancellationToken cancellationToken)
    {
        await bus.RaiseAsync(
            WorkloadEventMessages.Raised(arrival),
            synthetic: false,
            cancellationToken);
        Interlocked.Increment(ref raised);
    }
}
