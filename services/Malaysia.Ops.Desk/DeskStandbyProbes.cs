using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.ServiceDefaults.Hosting;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Desk;

/// <summary>
/// While this process is a hot standby of its desk, sends a <see cref="DeskStandbyProbe"/> to the
/// desk's queue every "Desk:StandbyProbeSeconds" of wall time. The broker gives it to the active
/// process; once the active one is gone it comes to this one, which so learns that it was made
/// active (<see cref="DeskActivationFilter"/>) even in a quiet hour with no work for the desk.
/// </summary>
public sealed class DeskStandbyProbes(DeskProcess desk, IBus bus, IHostApplicationLifetime lifetime) : RunLoop(lifetime)
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!desk.StandingBy)
        {
            return;
        }

        // Straight to the exchange the desk's queue is bound to (named after the queue, and
        // already declared by the receive endpoint as this declares it), not to the queue: a
        // send endpoint would declare the queue without its quorum and single-consumer arguments.
        var queue = await bus.GetSendEndpoint(new Uri($"exchange:{desk.Options.EndpointName}"));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(desk.Options.StandbyProbeSeconds), desk.Clock.Wall);
        do
        {
            await queue.SendConfirmedAsync(new DeskStandbyProbe(desk.DeskId, desk.Instance, desk.Clock.GetUtcNow()), stoppingToken);
        }
        while (desk.StandingBy && await timer.WaitForNextTickAsync(stoppingToken) && desk.StandingBy);
    }
}
