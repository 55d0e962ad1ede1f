using MassTransit;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// Publishing from the run's own loops (the workload's streams, a desk's work, dispatch's shift
/// clock) until the broker confirms. A publish that fails while the broker is away is tried
/// again with backoff and jitter; one the broker never confirms is given up after
/// <see cref="ConfirmWithin"/> and sent again: after a broker restart RabbitMQ.Client 7.2 can
/// leave a confirmed publish waiting for ever (rabbitmq-dotnet-client issue 1930), which would
/// silently stop the loop. A second copy is harmless: every consumer is idempotent.
/// </summary>
public static class ConfirmedPublishing
{
    /// <summary>How long a publish may wait for the broker's confirm before it is sent again.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(10);

    private static readonly ResiliencePipeline Pipeline = Build(ConfirmWithin, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>The pipeline, with its timings given (for tests).</summary>
    public static ResiliencePipeline Build(TimeSpan confirmWithin, TimeSpan firstDelay, TimeSpan maxDelay) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // Until the loop is stopped: giving up would lose the message.
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstDelay,
            MaxDelay = maxDelay,
            ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle<MassTransitException>().Handle<IOException>()
                .Handle<RabbitMQ.Client.Exceptions.AlreadyClosedException>().Handle<RabbitMQ.Client.Exceptions.BrokerUnreachableException>(),
        })
        .AddTimeout(confirmWithin)
        .Build();

    /// <summary>Publishes <paramref name="message"/> as its own type until the broker has it.</summary>
    public static Task PublishConfirmedAsync(this IPublishEndpoint publisher, object message, CancellationToken cancellationToken) =>
        PublishConfirmedAsync(token => publisher.Publish(message, message.GetType(), token), Pipeline, cancellationToken);

    /// <summary>As above, with <paramref name="configure"/> setting the message's headers.</summary>
    public static Task PublishConfirmedAsync<T>(this IPublishEndpoint publisher, T message, Action<PublishContext<T>> configure, CancellationToken cancellationToken)
        where T : class =>
        PublishConfirmedAsync(token => publisher.Publish(message, configure, token), Pipeline, cancellationToken);

    /// <summary>Sends <paramref name="message"/> to <paramref name="endpoint"/> until the broker has it.</summary>
    public static Task SendConfirmedAsync(this ISendEndpoint endpoint, object message, CancellationToken cancellationToken) =>
        PublishConfirmedAsync(token => endpoint.Send(message, message.GetType(), token), Pipeline, cancellationToken);

    /// <summary>Runs <paramref name="publish"/> through <paramref name="pipeline"/>. The wait is
    /// abandoned on timeout even when the publish itself ignores its cancellation token.</summary>
    public static async Task PublishConfirmedAsync(Func<CancellationToken, Task> publish, ResiliencePipeline pipeline, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(async token => await publish(token).WaitAsync(token), cancellationToken);
}
