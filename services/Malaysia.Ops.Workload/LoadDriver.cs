using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Workload;

/// <summary>
/// Runs the synthetic load of "Workload:Load": incidents raised at a wall rate shaped as its
/// profile says, from when the run's clock starts, for its seconds; each marked synthetic in its
/// headers and span, with an INC-L- id, and drawn from the same catalogue as the seeded stream.
/// Raises go out side by side, up to "InFlight" waiting for the broker's confirm; the driver
/// sends what the profile has due by now, so after a stall it catches up rather than drift below
/// the rate asked. Every few seconds it logs the live figures (offered, raised, the rates, the
/// confirm latency) and its thresholds' verdicts, and the totals at the end. With thresholds, it
/// waits for dispatch to see the load through ("DrainSeconds" at most), judges them a last time
/// and stops the process: exit code 0 when all held, 1 when one broke.
/// </summary>
public sealed class LoadDriver(
    SimulationClock clock,
    IBus bus,
    IHostApplicationLifetime lifetime,
    IOptions<SimulationOptions> simulation,
    IOptions<WorkloadOptions> workload,
    IDispatchLoadFigures dispatch,
    ILogger<LoadDriver> logger) : RunLoop(lifetime), IRunOutcome
{
    /// <summary>How often the driver looks at what is due: fine enough for a smooth rate,
    /// coarse enough to cost nothing.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    public LoadFigures Figures { get; } = new();

    /// <summary>True once the load has run its course and every raise has its confirm.</summary>
    public bool Finished { get; private set; }

    /// <summary>The thresholds' last verdicts: live while the load runs, final once
    /// <see cref="Judged"/>.</summary>
    public IReadOnlyList<ThresholdVerdict> Verdicts { get; private set; } = [];

    /// <summary>True once the thresholds have had their final verdict.</summary>
    public bool Judged { get; private set; }

    public string? Failure => Judged && !LoadGate.Passed(Verdicts)
        ? $"load thresholds broken: {string.Join("; ", Verdicts.Where(v => v.State != ThresholdState.Pass))}"
        : null;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var options = workload.Value.Load;
        if (!options.Enabled)
        {
            return;
        }

        await clock.Started.WaitAsync(stoppingToken);
        var profile = options.ToProfile();
        var gate = options.ToGate();
        var wall = clock.Wall;
        logger.LogInformation("Synthetic load: {Profile}, {Total} incidents", profile, profile.Total);

        // The catalogue's mix of types, severities and work, in the run's seed; the ids and
        // instants are the load's own.
        using var incidents = new IncidentGenerator(IncidentCatalogue.Default, simulation.Value.Seed, clock.Epoch, incidentsPerHour: 60).Arrivals().GetEnumerator();
        using var slots = new SemaphoreSlim(options.InFlight, options.InFlight);
        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var started = wall.GetTimestamp();
        var report = ReportAsync(profile, gate, started, TimeSpan.FromSeconds(options.ReportSeconds), reporting.Token);

        long sent = 0;
        var total = profile.Total;
        while (sent < total)
        {
            var due = Math.Min(total, (long)Math.Floor(profile.DueBy(wall.GetElapsedTime(started))));
            while (sent < due)
            {
                await slots.WaitAsync(stoppingToken);
                incidents.MoveNext();
                var arrival = incidents.Current;
                sent++;
                var raised = new IncidentRaised(IncidentIds.Load(sent), arrival.Type, arrival.Severity, arrival.ClusterId, arrival.Summary, arrival.WorkMinutes, clock.GetUtcNow());
                _ = RaiseAsync(raised, slots, stoppingToken);
            }

            await Task.Delay(Tick, wall, stoppingToken);
        }

        // Every raise confirmed (or abandoned on the way out) before the totals.
        for (var free = 0; free < options.InFlight; free++)
        {
            await slots.WaitAsync(stoppingToken);
        }

        var took = wall.GetElapsedTime(started);
        await reporting.CancelAsync();
        await report;
        Finished = true;
        logger.LogInformation(
            "Synthetic load finished: {Raised} of {Offered} raised in {Seconds:0.0} s, {Achieved:0} incidents/s achieved ({Profile}); raise to confirm p50 {P50:0.00} ms, p99 {P99:0.00} ms, p99.9 {P999:0.00} ms",
            Figures.Raised,
            Figures.Offered,
            took.TotalSeconds,
            Figures.Raised / took.TotalSeconds,
            profile,
            Figures.ConfirmMilliseconds(50),
            Figures.ConfirmMilliseconds(99),
            Figures.ConfirmMilliseconds(99.9));
        if (!gate.IsEmpty)
        {
            await JudgeAsync(gate, took, TimeSpan.FromSeconds(options.DrainSeconds), stoppingToken);
        }
    }

    /// <summary>Waits for dispatch to see every load incident as far as the thresholds look (or for
    /// the drain time to pass), judges the thresholds for the last time and stops the process.</summary>
    private async Task JudgeAsync(LoadGate gate, TimeSpan took, TimeSpan drain, CancellationToken stoppingToken)
    {
        var wall = clock.Wall;
        var waitingSince = wall.GetTimestamp();
        var percentiles = LoadReading.DispatchPercentiles(gate);
        LoadThroughDispatch? seen = null;
        if (LoadReading.NeedsDispatch(gate))
        {
            while (true)
            {
                seen = await dispatch.ReadAsync(percentiles, stoppingToken);
                if ((seen is not null && LoadReading.Drained(gate, seen, Figures.Offered)) || wall.GetElapsedTime(waitingSince) >= drain)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), wall, stoppingToken);
            }
        }

        Verdicts = gate.Judge(new LoadReading(Figures, seen, took, Final: true).Figure, final: true);
        Judged = true;
        foreach (var verdict in Verdicts)
        {
            logger.LogInformation("Load threshold {Verdict}", verdict);
        }

        if (LoadGate.Passed(Verdicts))
        {
            logger.LogInformation("Load thresholds: all {Count} held", Verdicts.Count);
        }
        else
        {
            logger.LogError("Load thresholds: {Broken} of {Count} broken", Verdicts.Count(v => v.State != ThresholdState.Pass), Verdicts.Count);
        }

        Lifetime.StopApplication();
    }

    private async Task RaiseAsync(IncidentRaised raised, SemaphoreSlim slot, CancellationToken cancellationToken)
    {
        var wall = clock.Wall;
        var started = wall.GetTimestamp();
        Figures.Sending();
        try
        {
            await bus.RaiseAsync(raised, synthetic: true, cancellationToken);
            Figures.Confirmed(wall.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Figures.Abandoned();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Counted as lost; said once, not for every raise of a broker that refuses them all.
            Figures.Refused();
            if (Figures.Failed == 1)
            {
                logger.LogWarning("A load raise failed (counted as lost): {Problem}", e.Message);
            }
        }
        finally
        {
            slot.Release();
        }
    }

    private async Task ReportAsync(LoadProfile profile, LoadGate gate, long started, TimeSpan every, CancellationToken cancellationToken)
    {
        var wall = clock.Wall;
        using var timer = new PeriodicTimer(every, wall);
        var raisedBefore = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var elapsed = wall.GetElapsedTime(started);
                var raised = Figures.Raised;
                logger.LogInformation(
                    "Load at {Elapsed:0} s of {Duration:0} s: asked {Asked:0}/s, offered {Offered}, raised {Raised} ({Achieved:0}/s over the last {Every:0.#} s), {InFlight} awaiting the broker's confirm; raise to confirm p50 {P50} ms, p99 {P99} ms",
                    elapsed.TotalSeconds,
                    profile.Duration.TotalSeconds,
                    profile.RateAt(elapsed),
                    Figures.Offered,
                    raised,
                    (raised - raisedBefore) / every.TotalSeconds,
                    every.TotalSeconds,
                    Figures.InFlight,
                    Milliseconds(Figures.ConfirmMilliseconds(50)),
                    Milliseconds(Figures.ConfirmMilliseconds(99)));
                raisedBefore = raised;
                if (!gate.IsEmpty)
                {
                    var seen = LoadReading.NeedsDispatch(gate) ? await dispatch.ReadAsync(LoadReading.DispatchPercentiles(gate), cancellationToken) : null;
                    Verdicts = gate.Judge(new LoadReading(Figures, seen, elapsed, Final: false).Figure, final: false);
                    logger.LogInformation("Load thresholds at {Elapsed:0} s: {Verdicts}", elapsed.TotalSeconds, string.Join("; ", Verdicts));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The load is over.
        }
    }

    private static string Milliseconds(double? value) => value is { } ms ? ms.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
