namespace Microsoft.Extensions.Hosting;

public static class LifetimeExtensions
{
    /// <summary>Waits until every hosted service has started, the bus among them (it waits for
    /// its queues and bindings), so that nothing is published into a half-built topology.</summary>
    public static Task WaitForApplicationStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A token that fires when the application starts stopping, before any hosted
    /// service is stopped. Background loops that publish stop on it, so they never publish into
    /// a bus that is already shutting down.</summary>
    public static CancellationTokenSource StoppingTokenSource(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
}
