using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Consumers;
using Malaysia.Ops.Dispatch.Load;
using Malaysia.Ops.Dispatch.Roster;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Messaging.Senders;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch;

public static class DispatchExtensions
{
    /// <summary>The queue every dispatch consumer reads from.</summary>
    public const string EndpointName = QueueNames.Dispatch;

    private static readonly Type[] Consumers =
    [
        typeof(IncidentRaisedConsumer),
        typeof(IncidentAcknowledgedConsumer),
        typeof(IncidentUpdatedConsumer),
        typeof(IncidentResolvedConsumer),
        typeof(HandoffBriefingConsumer),
        typeof(HandoffItemAcceptedConsumer),
        typeof(HandoffCompletedConsumer),
        typeof(HandoffItemQueriedConsumer),
        typeof(HandoffSurpriseFoundConsumer),
        typeof(AssistRequestedConsumer),
        typeof(AssistProvidedConsumer),
        typeof(WorkloadConsumer),
        typeof(ClockChangeConsumer),
        typeof(DeskStateConsumer),
    ];

    /// <summary>The roster and dispatch settings (sections Roster and Dispatch), validated, and the
    /// roster built from them: for dispatch, and for whoever must see the run as dispatch does.</summary>
    public static IServiceCollection AddDispatchSettings(this IServiceCollection services)
    {
        services.AddValidatedOptions<RosterOptions, RosterOptionsValidator>(RosterOptions.Section);
        services.AddValidatedOptions<DispatchOptions, DispatchOptionsValidator>(DispatchOptions.Section);
        services.AddSingleton(sp => RosterFactory.Build(sp.GetRequiredService<IOptions<RosterOptions>>().Value));
        return services;
    }

    /// <summary>The dispatch service: roster, router, shift clock, handoff coordinator, ledger,
    /// and the owner of the run's clock.</summary>
    public static OpsBusBuilder AddDispatch(this OpsBusBuilder bus)
    {
        var services = bus.Services;
        services.AddDispatchSettings();
        services.AddSingleton<DispatchCoordinator>();
        services.AddSingleton<DeskLiveness>();
        services.AddSingleton<DeskProcesses>();
        services.AddSingleton(sp => new DurableDispatch(
            sp.GetRequiredService<DispatchCoordinator>(),
            OpenStore(sp),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<DurableDispatch>>(),
            sp.GetRequiredService<MessageRefusals>(),
            sp.GetRequiredService<OpsMetrics>()));

        // Before the bus starts: nothing is consumed into a ledger not yet rebuilt.
        services.AddHostedService<LedgerStoreStartup>();
        services.AddHostedService<ClockAnnouncer>();
        services.AddHostedService<ShiftClock>();
        services.AddHostedService<LedgerSnapshotWriter>();
        services.AddSingleton<LoadProgress>();
        services.AddSingleton<LoadQueues>();
        services.AddSingleton<LoadFiguresOfDispatch>();
        services.AddSingleton<IDispatchLoadFigures>(sp => sp.GetRequiredService<LoadFiguresOfDispatch>());
        services.AddHostedService<LoadProgressReporter>();

        return bus
            .Register(x => x.AddConsumers(Consumers))
            .Endpoint(Consumers, (context, cfg) => cfg.ReceiveEndpoint(EndpointName, endpoint =>
            {
                endpoint.ApplyOpsDefaults(context);

                // Only a broker vouches for a sender; in one process every message is this process's.
                if (endpoint is IRabbitMqReceiveEndpointConfigurator)
                {
                    endpoint.UseConsumeFilter(typeof(SenderCheckFilter<>), context);
                }

                foreach (var consumer in Consumers)
                {
                    endpoint.ConfigureConsumer(context, consumer);
                }
            }));
    }

    private static SqliteLedgerStore? OpenStore(IServiceProvider services)
    {
        var runId = services.GetRequiredService<IOptions<SimulationOptions>>().Value.RunId;
        if (services.GetRequiredService<IOptions<DispatchOptions>>().Value.LedgerStoreFileFor(runId) is not { } path)
        {
            return null;
        }

        if (services.GetRequiredService<SimulationClock>().IsVirtual)
        {
            throw new ConfigurationProblemException(
                $"{DispatchOptions.Section}:{nameof(DispatchOptions.LedgerStorePath)}",
                "a virtual-time run is repeated from its scenario and seed, not resumed; leave it empty");
        }

        return SqliteLedgerStore.Open(path, runId);
    }
}
