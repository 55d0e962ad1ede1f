using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Malaysia.Ops.Desk;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Dispatch.Roster;
using Malaysia.Ops.Domain.Clock;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.ServiceDefaults.Messaging;
using Malaysia.Ops.Workload;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Simulator;

/// <summary>
/// One whole run in one process: workload, dispatch and every desk of the roster on the
/// in-memory bus, with the same consumers and background services the separate processes run.
/// </summary>
public sealed class SimulationRun(SimulatorSettings settings, TextWriter output)
{
    // Progress is reported at every quarter of a simulated day.
    private static readonly TimeSpan ProgressStep = TimeSpan.FromHours(6);

    // Wall time the run may spend at one simulated instant before it is declared stuck.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    public async Task<LedgerSnapshot> RunAsync(CancellationToken cancellationToken)
    {
        using var host = Build();
        await OpsHost.PrepareAsync(host, cancellationToken);
        var clock = host.Services.GetRequiredService<SimulationClock>();
        var coordinator = host.Services.GetRequiredService<DispatchCoordinator>();
        var source = host.Services.GetRequiredService<IncidentSource>();

        var wall = Stopwatch.StartNew();
        var pace = settings.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"at {speed:0}x") : "in virtual time";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Simulating {settings.Days:0.##} day(s) from {settings.Epoch:yyyy-MM-dd HH:mm}Z {pace}, seed {settings.Seed}, {settings.IncidentsPerHour:0.##} incidents/h"));
        await host.StartAsync(cancellationToken);

        Task Progress(DateTimeOffset at) => ReportProgressAsync(coordinator, at, wall.Elapsed);
        if (settings.VirtualTime)
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
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Finished in {wall.Elapsed.TotalSeconds:0.0} s wall time."));

        if (settings.SnapshotPath is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(snapshot, LedgerSnapshotWriter.Json), CancellationToken.None);
        }

        return snapshot;
    }

    private IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Simulation:RunId"] = $"sim-{settings.Seed}",
            ["Simulation:Epoch"] = settings.Epoch.ToString("O", CultureInfo.InvariantCulture),
            ["Simulation:VirtualTime"] = settings.VirtualTime ? "true" : "false",
            ["Simulation:Speed"] = (settings.Speed ?? 1).ToString(CultureInfo.InvariantCulture),
            ["Simulation:Seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["Workload:IncidentsPerHour"] = settings.IncidentsPerHour.ToString(CultureInfo.InvariantCulture),
            ["Workload:RaiseUntil"] = settings.End.ToString("O", CultureInfo.InvariantCulture),
            ["Telemetry:TraceFile"] = settings.TraceFile,
        });

        // The run's own output is the progress and the summary; the services' logs would
        // drown them, so only errors get through unless asked for.
        builder.Logging.SetMinimumLevel(settings.Verbose ? LogLevel.Warning : LogLevel.Error);
        builder.AddOpsServiceDefaults("simulator");

        var desks = RosterOptions.DefaultDesks;
        builder.AddOpsBus(bus =>
        {
            bus.AddWorkload().AddDispatch();
            foreach (var desk in desks)
            {
                bus.AddDesk(new DeskOptions { Id = desk.Id, Engineers = settings.Engineers });
            }
        });
        return builder.Build();
    }

    /// <summary>Moves virtual time on a quarter day at a time, reporting in between.</summary>
    private async Task RunInVirtualTimeAsync(IHost host, SimulationClock clock, Func<DateTimeOffset, Task> progress, CancellationToken cancellationToken)
    {
        var driver = new VirtualTimeDriver(clock, StallLimit);
        try
        {
            for (var next = settings.Epoch + ProgressStep; clock.GetUtcNow() < settings.End; next += ProgressStep)
            {
                var until = next < settings.End ? next : settings.End;
                await driver.RunAsync(until, done: null, cancellationToken);
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
        var nextReport = settings.Epoch + ProgressStep;
        while (clock.GetUtcNow() < settings.End)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                ThrowIfServiceFailed(host);
                throw new OperationCanceledException("the run was stopped (SIGTERM or Ctrl+C)");
            }

            while (clock.GetUtcNow() >= nextReport && nextReport <= settings.End)
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
        var summary = coordinator.Snapshot(at, DateTimeOffset.UtcNow).Summary;
        var onDuty = string.Join("+", coordinator.Roster.OnDuty(at).Select(s => s.DeskId));
        var done = (at - settings.Epoch) / (settings.End - settings.Epoch);
        var bar = new string('#', (int)Math.Round(done * 20)).PadRight(20, '.');
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"[{bar}] day {(int)(at - settings.Epoch).TotalDays + 1} {at:HH:mm}Z  on duty: {(onDuty.Length == 0 ? "nobody (gap)" : onDuty),-6} raised {summary.IncidentsRaised,5}  resolved {summary.IncidentsResolved,5}  open {summary.IncidentsOpen,4}  handoffs {summary.Handoffs,3}  ({wall.TotalSeconds:0.0} s)"));
    }
}
