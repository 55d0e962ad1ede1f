using Malaysia.Ops.Desk;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Messaging.RunClock;
using Malaysia.Ops.OperationsConsole.Api;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.OperationsConsole.Board;
using Malaysia.Ops.OperationsConsole.Controls;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Workload;
using MassTransit;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.OperationsConsole;

/// <summary>
/// The console in either mode. Embedded, it runs a scenario's whole operation (workload,
/// dispatch, every desk) in this process on the in-memory bus, on an accelerated clock that
/// waits, paused, for "Start". Attached, it joins services on a broker and follows their clock.
/// Either way it watches the run through the messages the services publish, and acts on it only
/// through messages.
/// </summary>
public static class ConsoleHosting
{
    public static WebApplicationBuilder AddOperationsConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ConsoleOptions, ConsoleOptionsValidator>(ConsoleOptions.Section);

        // Only the console's own names are served, whatever name a browser was sent to it by.
        builder.Services.AddOptions<HostFilteringOptions>().Configure<IOptions<ConsoleOptions>>((filter, console) =>
            filter.AllowedHosts = [.. ConsoleHosts.Allowed(console.Value.AllowedHosts, builder.Configuration[WebHostDefaults.ServerUrlsKey])]);
        var options = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        if (options.Mode == ConsoleMode.Embedded)
        {
            AddEmbeddedRun(builder, options);
        }
        else
        {
            AddAttached(builder);
        }

        builder.Services.AddSingleton(sp => new BoardProjection(
            sp.GetRequiredService<Roster>(),
            sp.GetRequiredService<IOptions<DispatchOptions>>().Value.Targets(),
            sp.GetRequiredService<IOptions<ConsoleOptions>>().Value.TraceUrl));
        builder.Services.AddSingleton<IncidentPublisher>();
        builder.Services.AddSingleton<SyntheticLoad>();
        builder.Services.AddSingleton<ConsoleLoadFigures>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SyntheticLoad>());
        builder.Services.AddSingleton<ConsoleControls>();
        builder.Services.AddSingleton<Rehearsal.RehearsalSeats>();
        return builder;
    }

    /// <summary>The board's own queue: temporary, so every console sees every event and a
    /// console that goes away leaves nothing behind on the broker.</summary>
    private static OpsBusBuilder AddBoard(this OpsBusBuilder bus) => bus
        .Register(x => x.AddConsumer<BoardEventsConsumer>())
        .Endpoint([typeof(BoardEventsConsumer)], (context, cfg) => cfg.ReceiveEndpoint(
            new TemporaryEndpointDefinition("console"),
            endpoint =>
            {
                endpoint.ReceiveAssignmentsOf(context.GetRequiredService<Roster>().Desks.Select(d => d.DeskId));

                // A message the board refuses goes to its error queue with the reason and no
                // further: a published fault of it would come back to the board as the desk's.
                endpoint.PublishFaults = false;
                endpoint.ConfigureConsumer<BoardEventsConsumer>(context);
            }));

    private static void AddEmbeddedRun(WebApplicationBuilder builder, ConsoleOptions options)
    {
        var scenario = ScenarioLoader.Load(ScenarioCatalogue.Resolve(options.Scenario, ScenarioCatalogue.DefaultFolder));
        var speed = options.Speed ?? scenario.Rehearsal?.Speed ?? 30;
        builder.Configuration.AddInMemoryCollection(ScenarioConfiguration.Settings(scenario, scenario.Desks, speed));
        builder.Services.PostConfigure<WorkloadOptions>(workload => ScenarioConfiguration.Stream(scenario, workload));
        builder.Services.AddSingleton(scenario);
        builder.Services.AddSingleton(new ConsoleRun(scenario.Name, scenario.Start, scenario.End, scenario.Rehearsal?.HumanDesks ?? [], scenario.Rehearsal?.Cards));
        builder.Services.AddHostedService<EmbeddedRunSupervisor>();
        builder.AddOpsBus(bus =>
        {
            bus.AddWorkload().AddDispatch();
            foreach (var desk in scenario.Desks)
            {
                bus.AddDesk(ScenarioConfiguration.Desk(scenario, desk));
            }

            bus.AddBoard();
        });
    }

    private static void AddAttached(WebApplicationBuilder builder)
    {
        // Below the environment and the command line (they override it), above appsettings.json.
        var appSettings = builder.Configuration.Sources.OfType<JsonConfigurationSource>().FirstOrDefault(s => s.Path == "appsettings.json");
        var attached = new JsonConfigurationSource { Path = "attached.json", Optional = false, FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory) };
        builder.Configuration.Sources.Insert(appSettings is null ? 0 : builder.Configuration.Sources.IndexOf(appSettings) + 1, attached);

        // The roster and service levels the services run with, from the same settings.
        builder.Services.AddDispatchSettings();
        builder.Services.AddSingleton(sp => new ConsoleRun(
            sp.GetRequiredService<IOptions<Malaysia.Ops.ServiceDefaults.Configuration.SimulationOptions>>().Value.RunId, null, null, []));
        builder.AddOpsBus(bus => bus.AddBoard().FollowRunClock());
    }

    /// <summary>Embedded: holds the clock at the scenario's start until "Start" (or starts it at
    /// once with AutoStart), hands the scenario's rehearsal desks to a person, and pauses the
    /// clock when the scenario's period is over so the board stays as it ended.</summary>
    private sealed class EmbeddedRunSupervisor(
        SimulationClock clock,
        ConsoleControls controls,
        ConsoleRun run,
        IOptions<ConsoleOptions> options,
        IHostApplicationLifetime lifetime) : Malaysia.Ops.ServiceDefaults.Hosting.RunLoop(lifetime)
    {
        public override Task StartAsync(CancellationToken cancellationToken)
        {
            // Before any loop of the run starts: the clock stands at the epoch, paused.
            clock.StartNow();
            clock.Pause();
            return base.StartAsync(cancellationToken);
        }

        protected override async Task RunAsync(CancellationToken stoppingToken)
        {
            foreach (var desk in run.HumanDesks)
            {
                await controls.SetRehearsalAsync(desk, human: true, "scenario", stoppingToken);
            }

            if (options.Value.AutoStart)
            {
                await controls.StartAsync("console (auto-start)", stoppingToken);
            }

            using var alarm = clock.CreateAlarm("console run end");
            while (run.End is { } end && clock.GetUtcNow() < end)
            {
                await alarm.SleepUntilAsync(end, stoppingToken);
            }

            if (run.End is not null)
            {
                await controls.PauseAsync("console (the scenario's period is over)", stoppingToken);
            }
        }
    }
}
