using Malaysia.Ops.Contracts;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Messaging.Senders;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Desk;

public static class DeskExtensions
{
    private const string SingleActiveConsumerArgument = "x-single-active-consumer";

    /// <summary>A desk service process: one desk, configured by section "Desk".</summary>
    public static OpsBusBuilder AddDesk(this OpsBusBuilder bus)
    {
        bus.Services.AddValidatedOptions<DeskOptions, DeskOptionsValidator>(DeskOptions.Section);
        var options = bus.Configuration.GetSection(DeskOptions.Section).Get<DeskOptions>() ?? new DeskOptions();
        return bus.AddDesk(options.Id, sp => sp.GetRequiredService<IOptions<DeskOptions>>().Value);
    }

    /// <summary>A desk with explicit settings, e.g. one of several desks in the simulator's
    /// single process.</summary>
    public static OpsBusBuilder AddDesk(this OpsBusBuilder bus, DeskOptions options)
    {
        var problems = new DeskOptionsValidator().Validate(null, options);
        if (problems.Failed)
        {
            throw new OptionsValidationException(DeskOptions.Section, typeof(DeskOptions), problems.Failures);
        }

        return bus.AddDesk(options.Id, _ => options);
    }

    private static OpsBusBuilder AddDesk(this OpsBusBuilder bus, string deskId, Func<IServiceProvider, DeskOptions> options)
    {
        bus.Services.AddSingleton<DeskRegistry>();
        DeskProcess Desk(IServiceProvider sp) => sp.GetRequiredService<DeskRegistry>().Get(deskId, () => options(sp));
        bus.Services.AddSingleton<IHostedService>(sp => new DeskClockLoop(Desk(sp), sp.GetRequiredService<IBus>(), sp.GetRequiredService<IHostApplicationLifetime>()));
        bus.Services.AddSingleton<IHostedService>(sp => new DeskHeartbeat(Desk(sp), sp.GetRequiredService<IBus>(), sp.GetRequiredService<IHostApplicationLifetime>()));
        bus.Services.AddSingleton<IHostedService>(sp => new DeskStandbyProbes(Desk(sp), sp.GetRequiredService<IBus>(), sp.GetRequiredService<IHostApplicationLifetime>()));

        return bus.Endpoint([typeof(DeskConsumer)], (context, cfg) =>
        {
            var desk = Desk(context);
            if (cfg is IRabbitMqBusFactoryConfigurator rabbitBus && desk.Options.HotStandby)
            {
                KeepErrorQueuesReadable(rabbitBus);
            }

            cfg.ReceiveEndpoint(desk.Options.EndpointName, endpoint =>
            {
                endpoint.ApplyOpsDefaults(context);
                endpoint.ReceiveAssignmentsOf([desk.DeskId]);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // Probes are sent to the queue's own exchange; no exchange of their type is bound.
                    rabbit.ConfigureMessageTopology<DeskStandbyProbe>(false);
                    if (desk.Options.HotStandby)
                    {
                        StandByOn(rabbit, desk);
                    }
                }

                endpoint.Instance(new DeskConsumer(desk, context.GetRequiredService<MessageRefusals>(), context.GetRequiredService<IOptions<BrokerUsers>>().Value));
            });
        });
    }

    /// <summary>MassTransit declares an endpoint's error and skipped queues with the arguments of
    /// the endpoint's own queue. A quorum queue with a single active consumer refuses basic.get,
    /// by which operators and the tests read what was refused, and nothing needs one consumer at a
    /// time there: those queues keep every argument but that one.</summary>
    private static void KeepErrorQueuesReadable(IRabbitMqBusFactoryConfigurator bus)
    {
        bus.SendTopology.ConfigureErrorSettings = WithoutSingleActiveConsumer;
        bus.SendTopology.ConfigureDeadLetterSettings = WithoutSingleActiveConsumer;
    }

    private static void WithoutSingleActiveConsumer(IRabbitMqQueueBindingConfigurator queue) =>
        queue.SetQueueArgument(SingleActiveConsumerArgument, null!);

    /// <summary>Lets the desk run as several processes on its queue, one active and the others
    /// hot standbys: the broker delivers to one consumer of the queue at a time and moves on to
    /// another when that one's channel closes, so each process waits for its first delivery
    /// before it starts the desk. The queue must be declared so from the start: RabbitMQ refuses
    /// to redeclare a queue with other arguments.</summary>
    private static void StandByOn(IRabbitMqReceiveEndpointConfigurator endpoint, DeskProcess desk)
    {
        endpoint.SetQueueArgument(SingleActiveConsumerArgument, true);
        endpoint.UseFilter(new DeskActivationFilter(desk));
        desk.WaitForActivation();
    }
}
