using MassTransit;

namespace Malaysia.Ops.Desk;

/// <summary>
/// On the desk's queue, which has a single active consumer: whatever the broker delivers to this
/// process shows that it is the desk's active process (RabbitMQ tells a client nothing when its
/// consumer is made active), so the first delivery activates a hot standby before the message is
/// taken.
/// </summary>
public sealed class DeskActivationFilter(DeskProcess desk) : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        desk.Activate();
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("deskActivation");
}
