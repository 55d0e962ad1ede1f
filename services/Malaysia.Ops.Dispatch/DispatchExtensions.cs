using Malaysia.Ops.Dispatch.Consumers;
using Malaysia.Ops.Dispatch.Roster;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch;

public static class DispatchExtensions
{
    /// <summary>The queue every dispatch consumer reads from.</summary>
    public const string EndpointName = "dispatch";

    /// <summary>The dispatch service: roster, router, shift clock, handoff coordinator, ledger,
    /// and the owner of the run's clock.</summary>
    public static OpsBusBuilder AddDispatch(this OpsBusBuilder bus)
    {
        var services = bus.Services;
        services.AddValidatedOptions<RosterOptions, RosterOptionsValidator>(RosterOptions.Section);
        services.AddValidatedOptions<DispatchOptions, DispatchOptionsValidator>(DispatchOptions.Section);
        services.AddSingleton(sp => RosterFactory.Build(sp.GetRequiredService<IOptions<RosterOptions>>().Value));
        services.AddSingleton<DispatchCoordinator>();
        services.AddHostedService<ClockAnnouncer>();
        services.AddHostedService<ShiftClock>();
        services.AddHostedService<LedgerSnapshotWriter>();

        return bus
            .Register(x =>
            {
                x.AddConsumer<IncidentRaisedConsumer>();
                x.AddConsumer<IncidentAcknowledgedConsumer>();
                x.AddConsumer<IncidentResolvedConsumer>();
                x.AddConsumer<HandoffBriefingConsumer>();
                x.AddConsumer<HandoffItemAcceptedConsumer>();
                x.AddConsumer<HandoffCompletedConsumer>();
            })
            .Endpoint((context, cfg) => cfg.ReceiveEndpoint(EndpointName, endpoint =>
            {
                endpoint.ApplyOpsDefaults(context);
                endpoint.ConfigureConsumer<IncidentRaisedConsumer>(context);
                endpoint.ConfigureConsumer<IncidentAcknowledgedConsumer>(context);
                endpoint.ConfigureConsumer<IncidentResolvedConsumer>(context);
                endpoint.ConfigureConsumer<HandoffBriefingConsumer>(context);
                endpoint.ConfigureConsumer<HandoffItemAcceptedConsumer>(context);
                endpoint.ConfigureConsumer<HandoffCompletedConsumer>(context);
            }));
    }
}
