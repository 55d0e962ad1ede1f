using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Rescue;

namespace Malaysia.Ops.Messaging.Senders;

/// <summary>Moves a faulted message to the endpoint's error queue, and one no consumer took to its
/// skipped queue, as MassTransit does, but with the sender's user-id moved into the
/// <see cref="WithoutSenderUser.SentByHeader"/> header: the broker refuses a message carrying
/// another user's user-id from this connection, and the move would fail for every message
/// another service sent. A fault before any consumer (a message refused by a filter, one that
/// cannot be read) is noted but not published as MassTransit's ReceiveFault: nothing consumes
/// it, so no service user may write to that exchange, and a publish the broker refused would
/// close the endpoint's channel and leave the message redelivered without end.</summary>
internal sealed class MovesWithoutSenderUser : IEndpointConfigurationObserver
{
    public void EndpointConfigured<T>(T configurator)
        where T : IReceiveEndpointConfigurator
    {
        configurator.ConfigureError(error =>
        {
            error.UseFilter(new NotedFault());
            error.UseFilter(new ErrorMove());
        });
        configurator.ConfigureDeadLetter(skipped => skipped.UseFilter(new SkippedMove()));
    }

    private sealed class NotedFault : IFilter<ExceptionReceiveContext>
    {
        public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
        {
            if (!context.IsFaulted)
            {
                await context.NotifyFaulted(context.Exception);
            }

            await next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("notedFault");
    }

    private sealed class ErrorMove : IFilter<ExceptionReceiveContext>
    {
        private readonly IFilter<ExceptionReceiveContext> move = new ErrorTransportFilter();

        public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next) =>
            move.Send(new RescueExceptionReceiveContext(new WithoutSenderUser(context), context.Exception), next);

        public void Probe(ProbeContext context) => context.CreateFilterScope("moveFaultWithoutSenderUser");
    }

    private sealed class SkippedMove : IFilter<ReceiveContext>
    {
        private readonly IFilter<ReceiveContext> move = new DeadLetterTransportFilter();

        public Task Send(ReceiveContext context, IPipe<ReceiveContext> next) => move.Send(new WithoutSenderUser(context), next);

        public void Probe(ProbeContext context) => context.CreateFilterScope("deadLetterWithoutSenderUser");
    }
}
