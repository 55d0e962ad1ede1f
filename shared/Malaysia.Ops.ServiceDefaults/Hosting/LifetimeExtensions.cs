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
}
