using MassTransit;

namespace Malaysia.Ops.Messaging.Chaos;

/// <summary>
/// Runs each delivery through its message type's chaos pipeline before the consumer: it may be
/// held back, fail (and be redelivered by the retry policy around this filter), or be handed to
/// the consumer twice, as a redelivery after a lost acknowledgement would be.
/// </summary>
public sealed class ChaosConsumeFilter<T>(ChaosPipelines chaos) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var twice = await chaos.For(typeof(T)).ExecuteAsync(
            async (state, _) =>
            {
                await state.next.Send(state.context);
                return false;
            },
            (context, next),
            context.CancellationToken);

        // An injected outcome replaces the delivery: deliver it twice instead.
        if (twice)
        {
            await next.Send(context);
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("chaos");
}
