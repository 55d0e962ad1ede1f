using System.Runtime.CompilerServices;
using Malaysia.Ops.Clock;
using MassTransit;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// Tells the run's <see cref="RunActivity"/> about every message: counted in flight when it is
/// published (before it can reach a queue) and out when each queue's consumer is done with it,
/// handled or faulted. A consumer's own publishes are counted before its message is counted
/// out, so the run is never seen quiet while work is still passing from hand to hand.
/// </summary>
internal sealed class RunActivityObserver(RunActivity activity, MessageFanOut fanOut) : IPublishObserver, IReceiveObserver
{
    // A receive can end in PostReceive and then ReceiveFault (a failing observer after it);
    // each delivery is counted out once.
    private readonly ConditionalWeakTable<ReceiveContext, object> finished = [];

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        activity.Published(fanOut.For(context.Message.GetType()));
        return Task.CompletedTask;
    }

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class
    {
        activity.NotPublished(fanOut.For(context.Message.GetType()));
        return Task.CompletedTask;
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Finished(context);

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Finished(context);

    private Task Finished(ReceiveContext context)
    {
        if (finished.TryAdd(context, context))
        {
            activity.Consumed();
        }

        return Task.CompletedTask;
    }
}
