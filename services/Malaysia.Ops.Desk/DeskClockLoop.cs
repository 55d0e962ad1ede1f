using Malaysia.Ops.ServiceDefaults.Hosting;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Desk;

/// <summary>
/// Wakes the desk when its next piece of work falls due in simulated time (an item resolved,
/// a briefed item taken over, a shift starting) and publishes what happened. Any change the
/// consumers make wakes it early, so it always sleeps until the right instant.
/// </summary>
public sealed class DeskClockLoop(DeskProcess desk, IBus bus, IHostApplicationLifetime lifetime) : RunLoop(lifetime)
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var alarm = desk.Alarm;
        await desk.Clock.Started.WaitAsync(stoppingToken);

        // A hot standby's desk does nothing (no briefing, no escalation) until it is active.
        await desk.Active.WaitAsync(stoppingToken);
        foreach (var message in desk.Start())
        {
            await message.PublishAsync(bus, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var message in desk.Advance())
            {
                await message.PublishAsync(bus, stoppingToken);
            }

            await desk.Alarm.SleepUntilAsync(desk.NextDueAt(), stoppingToken);
        }
    }
}
