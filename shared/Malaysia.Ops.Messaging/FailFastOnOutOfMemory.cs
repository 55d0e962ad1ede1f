using MassTransit;

namespace Malaysia.Ops.Messaging;

/// <summary>
/// Ends the process at once when handling a message runs out of memory. A consumer that ran
/// out of memory part way may have changed some of its state and not the rest (a desk marked
/// an assignment taken, then failed to queue it: every redelivery was then ignored as already
/// taken, and the incident was never acknowledged). Retrying in that process only repeats the
/// damage. Ended, it acknowledges nothing more: the broker hands what it had not acknowledged to
/// the next process, dispatch rebuilds from its ledger, and a desk that starts again is given
/// its open work back.
/// </summary>
public sealed class FailFastOnOutOfMemory(Action<string> failFast) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (OutOfMemoryException)
        {
            failFast($"out of memory while handling message {context.MessageId} from {context.ReceiveContext.InputAddress}; the process ends so that the broker redelivers what it had not acknowledged");
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("failFastOnOutOfMemory");
}
