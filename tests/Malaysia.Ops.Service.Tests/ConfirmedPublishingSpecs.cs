using Malaysia.Ops.Messaging;
using MassTransit;

namespace Malaysia.Ops.Service.Tests;

/// <summary>A publish from the run's loops is sent again until the broker has it: after a fault
/// while the broker is away, and after a confirm that never comes.</summary>
public sealed class ConfirmedPublishingSpecs
{
    private static readonly Polly.ResiliencePipeline Quick = ConfirmedPublishing.Build(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    [Fact]
    public async Task A_publish_whose_confirm_never_comes_is_abandoned_and_sent_again()
    {
        var attempts = 0;
        var never = new TaskCompletionSource();

        // The first attempt waits for ever and ignores its cancellation token, as the client's
        // publish does after a broker restart; the second is confirmed.
        await ConfirmedPublishing.PublishConfirmedAsync(_ => ++attempts == 1 ? never.Task : Task.CompletedTask, Quick, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_publish_refused_while_the_broker_is_away_is_tried_again_until_it_is_back()
    {
        var attempts = 0;

        await ConfirmedPublishing.PublishConfirmedAsync(
            _ => ++attempts <= 3 ? Task.FromException(new MassTransitException("broker unreachable")) : Task.CompletedTask,
            Quick,
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task A_loop_that_stops_stops_trying()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ConfirmedPublishing.PublishConfirmedAsync(
            _ =>
            {
                attempts++;
                return Task.FromException(new MassTransitException("broker unreachable"));
            },
            Quick,
            stopping.Token).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(attempts > 1);
    }

    [Fact]
    public async Task A_bug_in_the_message_is_not_retried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ArgumentException>(() => ConfirmedPublishing.PublishConfirmedAsync(
            _ =>
            {
                attempts++;
                return Task.FromException(new ArgumentException("not a message"));
            },
            Quick,
            CancellationToken.None));
        Assert.Equal(1, attempts);
    }
}
