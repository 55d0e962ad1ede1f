using Malaysia.Ops.ServiceDefaults.Hosting;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Desk;

/// <summary>
/// Tells dispatch every few wall seconds that this desk's process is alive (with its mode and
/// faults, as at a shift end), so dispatch can tell a desk that is down from one that is dark,
/// stopped from the console or quiet, and give a down desk's work to another desk at its
/// handoff. Wall time, not simulated time: a paused or slow run is not a dead desk. Only on a
/// real-time run; in virtual time every desk lives in the one simulator process.
/// </summary>
public sealed class DeskHeartbeat(DeskProcess desk, IBus bus, IHostApplicationLifetime lifetime) : RunLoop(lifetime)
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (desk.Clock.IsVirtual)
        {
            return;
        }

        await desk.Clock.Started.WaitAsync(stoppingToken);

        // A hot standby is not heard from: to dispatch, the desk's process is the active one.
        await desk.Active.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(desk.Options.HeartbeatSeconds), desk.Clock.Wall);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await desk.ReportState().PublishAsync(bus, stoppingToken);
        }
    }
}
