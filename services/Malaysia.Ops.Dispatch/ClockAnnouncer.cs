using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Dispatch owns the run's clock: it starts it (unless a wall anchor was configured) and
/// announces it now and then, so that every other process, including one that starts or
/// restarts later, runs on the same simulated time.
/// </summary>
public sealed class ClockAnnouncer(
    SimulationClock clock,
    DurableDispatch dispatch,
    IBus bus,
    IHostApplicationLifetime lifetime,
    IOptions<SimulationOptions> simulation,
    IOptions<DispatchOptions> options,
    ILogger<ClockAnnouncer> logger) : RunLoop(lifetime)
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!clock.IsStarted)
        {
            clock.StartNow();
        }

        dispatch.SaveClock(clock.Setting);

        var run = simulation.Value;
        logger.LogInformation("Run {RunId}: simulated time starts {Epoch:u} at {Speed}x", run.RunId, clock.Epoch, clock.Speed);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ClockAnnounceIntervalSeconds));
        do
        {
            await bus.PublishConfirmedAsync(Announcement(clock, run), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The clock as every process must follow it now.</summary>
    public static SimulationClockAnnounced Announcement(SimulationClock clock, SimulationOptions run)
    {
        // One reading of the setting, so a pause made meanwhile is announced whole or not at all.
        var setting = clock.Setting;
        return new(run.RunId, setting.Epoch, setting.WallAnchor ?? clock.Wall.GetUtcNow(), setting.Speed, run.Seed, clock.GetUtcNow(), SimulatedAnchor: setting.SimulatedAnchor, Paused: setting.Paused);
    }
}
