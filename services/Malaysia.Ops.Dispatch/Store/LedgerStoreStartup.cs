using Malaysia.Ops.Clock;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Dispatch.Store;

/// <summary>
/// Opens and replays the ledger store, and gives the run's clock back the setting it had, when
/// the host starts and before the bus does: nothing is consumed into a ledger not yet rebuilt,
/// and a store that cannot be used stops the start with a one-line reason.
/// </summary>
public sealed class LedgerStoreStartup(DurableDispatch dispatch, SimulationClock clock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (dispatch.RestoredClock is { WallAnchor: { } wallAnchor } setting && !clock.IsVirtual)
        {
            clock.Synchronise(setting.Epoch, wallAnchor, setting.Speed, setting.SimulatedAnchor, setting.Paused);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
