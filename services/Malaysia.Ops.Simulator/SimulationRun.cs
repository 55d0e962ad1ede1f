using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Malaysia.Ops.Desk;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Dispatch.Roster;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Simulator.Engine;
using Malaysia.Ops.Workload;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Simulator;

/// <summary>
/// One whole run of a scenario in one process: workload, dispatch and every desk of the given
/// topology on the in-memory bus, with the same consumers and background services the separate
/// processes run. <paramref name="speed"/> null is virtual time; <paramref name="load"/>, a
/// synthetic load in wall time on top of the scenario's stream. In virtual time without spans
/// the <see cref="DirectEngine"/> carries the messages unless <paramref name="bus"/> asks for
/// MassTransit; the report is the same either way.
/// </summary>
public sealed class SimulationRun(Scenario scenario, IReadOnlyList<DeskPlan> desks, double? speed, TextWriter output, RunOutputs? outputs = null, LoadOptions? load = null, SimulatorBus? bus = null)
{
    private readonly RunOutputs files = outputs ?? new RunOutputs();

    // Progress is reported at every quarter of a simulated day.
    private static readonly TimeSpan ProgressStep = TimeSpan.FromHours(6);

    // Wall time the run may spend at one simulated instant before it is declared stuck.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    /// <summary>The bus this run uses: direct in virtual time unless MassTransit was asked for
    /// or spans are written (they are the bus's).</summary>
    public SimulatorBus Bus => bus ?? (speed is null && files.TraceFile is null && load is not { Enabled: true } ? SimulatorBus.Direct : SimulatorBus.MassTransit);

    public async Task<LedgerSnapshot> RunAsync(CancellationToken cancellationToken)
    {
        if (Bus == SimulatorBus.Direct)
        {
            return await RunDirectAsync(cancellationToken);
        }

        using var host = Build(overBus: true);
        await OpsHost.PrepareAsync(host, cancellationToken);
        var clock = host.Services.GetRequiredService<SimulationClock>();
        var coordinator = host.Services.GetRequiredService<DispatchCoordinator>();
        var source = host.Services.GetRequiredService<IncidentSource>();

        var wall = Stopwatch.StartNew();
        await WriteStartAsync();
        await host.StartAsync(cancellationToken);

        Task Progress(DateTimeOffset at) => ReportProgressAsync(coordinator, at, wall.Elapsed);
        if (speed is null)
        {
            await RunInVirtualTimeAsync(host, clock, Progress, cancellationToken);
        }
        else
        {
            await RunOnWallClockAsync(host, clock, Progress, cancellationToken);

            // Let what is already on the bus land in the ledger before the books are closed.
            var drainUntil = wall.Elapsed + TimeSpan.FromSeconds(10);
            while ((!source.Finished || coordinator.IncidentCount < source.Raised) && wall.Elapsed < drainUntil)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            }
        }

        var snapshot = coordinator.Snapshot(clock.GetUtcNow(), clock.Wall.GetUtcNow());
        await host.StopAsync(CancellationToken.None);
        await FinishAsync(snapshot, wall.Elapsed);
        return snapshot;
    }

    /// <summary>The same run on the <see cref="DirectEngine"/>: the services' settings and
    /// decision cores as the host builds them, without the bus or the background loops.</summary>
    private async Task<LedgerSnapshot> RunDirectAsync(CancellationToken cancellationToken)
    {
        if (speed is not null || files.TraceFile is not null || load is { Enabled: true })
        {
            throw new SimulationFailedException("the direct engine runs in virtual time without spans or load; use the masstransit bus");
        }

        using var host = Build(overBus: false);
        await OpsHost.PrepareAsync(host, cancellationToken);
        var engine = new DirectEngine(host.Services, desks.Select(desk => ScenarioConfiguration.Desk(scenario, desk)).ToList());

        var wall = Stopwatch.StartNew();
        await WriteStartAsync();
        for (var next = scenario.Start + ProgressStep; engine.Clock.GetUtcNow() < scenario.End; next += ProgressStep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var until = next < scenario.End ? next : scenario.End;
            engine.RunBefore(until);
            await ReportProgressAsync(engine.Coordinator, until, wall.Elapsed);
        }

        var snapshot = engine.Snapshot();
        await FinishAsync(snapshot, wall.Elapsed);
        return snapshot;
    }

    private Task WriteStartAsync() =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Simulating {scenario.Name} with {string.Join(", ", desks.Select(d => d.Id))}: {scenario.Days:0.##} day(s) from {scenario.Start:yyyy-MM-dd HH:mm}Z {Pace}, seed {scenario.Seed}, {scenario.Arrivals.IncidentsPerHour:0.##} incidents/h"));

    private async Task FinishAsync(LedgerSnapshot snapshot, TimeSpan wall)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Finished in {wall.TotalSeconds:0.0} s wall time."));
        if (files.SnapshotPath is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(snapshot, LedgerSnapshotWriter.Json), CancellationToken.None);
        }
    }

    /// <summary>"in virtual time" or "at 17280x".</summary>
    public string Pace => speed is { } x ? string.Create(CultureInfo.InvariantCulture, $"at {x:0}x") : "in virtual time";

    /// <summary>The run's host: the services' settings, validated, and their registrations,
    /// on the in-memory bus, or (<paramref name="overBus"/> false) without one, for the
    /// direct engine to take the decision cores from.</summary>
    private IHost Build(bool overBus)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        var configuration = ScenarioConfiguration.Settings(scenario, desks, speed, scriptAsSettings: false);
        configuration["Telemetry:TraceFile"] = files.TraceFile;
        if (load is { Enabled: true })
        {
            foreach (var (key, value) in ScenarioConfiguration.Load(load))
            {
                configuration[key] = value;
            }
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.PostConfigure<WorkloadOptions>(workload =>
        {
            workload.Scripted = ScenarioConfiguration.Script(scenario);
            ScenarioConfiguration.Stream(scenario, workload);
        });

        // The run's own output is the progress and the summary; the services' logs would
        // drown them, so only errors get through unless asked for.
        builder.Logging.SetMinimumLevel(files.Verbose ? LogLevel.Warning : LogLevel.Error);
        if (load is { Enabled: true })
        {
            // The load's live figures are the point of running one.
            builder.Logging.AddFilter(typeof(LoadDriver).FullName, LogLevel.Information);
        }

        builder.AddOpsServiceDefaults("simulator");
        void Contribute(OpsBusBuilder services)
        {
            services.AddWorkload().AddDispatch();
            foreach (var desk in desks)
            {
                services.AddDesk(ScenarioConfiguration.Desk(scenario, desk));
            }
        }

        if (overBus)
        {
            builder.AddOpsBus(Contribute);
        }
        else
        {
            Contribute(new OpsBusBuilder(builder.Services, builder.Configuration));
        }

        return builder.Build();
    }

    /// <summary>Moves virtual time on a quarter day at a time, reporting in between.</summary>
    private async Task RunInVirtualTimeAsync(IHost host, SimulationClock clock, Func<DateTimeOffset, Task> progress, CancellationToken cancellationToken)
    {
        var driver = new VirtualTimeDriver(clock, StallLimit);
        try
        {
            for (var next = scenario.Start + ProgressStep; clock.GetUtcNow() < scenario.End; next += ProgressStep)
            {
                var until = next < scenario.End ? next : scenario.End;
                await driver.RunBeforeAsync(until, cancellationToken);
                ThrowIfServiceFailed(host);
                await progress(until);
            }
        }
        catch (TimeoutException e)
        {
            ThrowIfServiceFailed(host);
            throw new SimulationFailedException(e.Message);
        }
    }

    /// <summary>Lets the accelerated clock run to the end, reporting every quarter day.</summary>
    private async Task RunOnWallClockAsync(IHost host, SimulationClock clock, Func<DateTimeOffset, Task> progress, CancellationToken cancellationToken)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var nextReport = scenario.Start + ProgressStep;
        while (clock.GetUtcNow() < scenario.End)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                ThrowIfServiceFailed(host);
                throw new OperationCanceledException("the run was stopped (SIGTERM or Ctrl+C)");
            }

            while (clock.GetUtcNow() >= nextReport && nextReport <= scenario.End)
            {
                await progress(nextReport);
                nextReport += ProgressStep;
            }
        }
    }

    private static void ThrowIfServiceFailed(IHost host)
    {
        if (OpsHost.FailedServices(host.Services) is { Count: > 0 } failures)
        {
            throw new SimulationFailedException(string.Join("; ", failures));
        }
    }

    private async Task ReportProgressAsync(DispatchCoordinator coordinator, DateTimeOffset at, TimeSpan wall)
    {
        var summary = coordinator.Progress();
        var onDuty = string.Join("+", coordinator.Roster.OnDuty(at).Select(s => s.DeskId));
        var done = (at - scenario.Start) / (scenario.End - scenario.Start);
        var bar = new string('#', (int)Math.Round(done * 20)).PadRight(20, '.');
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"[{bar}] day {(int)(at - scenario.Start).TotalDays + 1} {at:HH:mm}Z  on duty: {(onDuty.Length == 0 ? "nobody (gap)" : onDuty),-6} raised {summary.IncidentsRaised,5}  resolved {summary.IncidentsResolved,5}  open {summary.IncidentsOpen,4}  handoffs {summary.Handoffs,3}  ({wall.TotalSeconds:0.0} s)"));
    }
}
