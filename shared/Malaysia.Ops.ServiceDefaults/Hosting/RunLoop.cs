using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.ServiceDefaults.Hosting;

/// <summary>
/// A background loop of the run (a stream being raised, a desk's work, the shift clock). It
/// starts once every hosted service has started, the bus among them, so nothing is published
/// into a half-built topology; and it ends quietly when the application starts stopping, before
/// the bus does.
/// </summary>
public abstract class RunLoop(IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>The application's lifetime, for a loop whose end is the run's end.</summary>
    protected IHostApplicationLifetime Lifetime => lifetime;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = lifetime.StoppingTokenSource(stoppingToken);
        try
        {
            await lifetime.WaitForApplicationStartedAsync(stopping.Token);
            await RunAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>The loop itself; <paramref name="stoppingToken"/> fires when the application stops.</summary>
    protected abstract Task RunAsync(CancellationToken stoppingToken);
}
