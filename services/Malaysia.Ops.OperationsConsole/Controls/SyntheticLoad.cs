using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.OperationsConsole.Controls;

/// <summary>
/// A load level a presenter starts from the console: extra incidents at a constant rate per
/// simulated hour, drawn from the same catalogue as the workload's, until stopped or for a
/// set simulated duration. Marked synthetic in their headers and spans.
/// </summary>
public sealed class SyntheticLoad(SimulationClock clock, IncidentPublisher publisher, IHostApplicationLifetime lifetime, ILogger<SyntheticLoad> logger) : RunLoop(lifetime)
{
    private readonly Alarm alarm = clock.CreateAlarm("console load");
    private readonly Lock gate = new();
    private LoadLevel? level;
    private long sequence;

    /// <summary>The rate running now, or null.</summary>
    public double? IncidentsPerHour
    {
        get
        {
            lock (gate)
            {
                return level is { } l && (l.Until is null || l.Until > clock.GetUtcNow()) ? l.IncidentsPerHour : null;
            }
        }
    }

    /// <summary>Incidents this load has raised.</summary>
    public long Raised => Interlocked.Read(ref sequence);

    public void Start(double incidentsPerHour, TimeSpan? duration)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            // Each level draws its own stream, so a restarted level is not a replay of the last.
            var seed = unchecked((int)(now.UtcTicks / TimeSpan.TicksPerSecond) ^ (int)Raised);
            var arrivals = new IncidentGenerator(IncidentCatalogue.Default, seed, now, incidentsPerHour).Arrivals().GetEnumerator();
            level = new LoadLevel(incidentsPerHour, now + duration, arrivals);
        }

        alarm.Ring();
    }

    public void Stop()
    {
        // The run loop may be drawing from the level's arrivals right now; it disposes them
        // when it lets the level go.
        lock (gate)
        {
            level = null;
        }

        alarm.Ring();
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var sleeping = alarm;
        await clock.Started.WaitAsync(stoppingToken);
        IncidentArrival? next = null;
        LoadLevel? drawingFrom = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            LoadLevel? current;
            lock (gate)
            {
                current = level;
            }

            if (current != drawingFrom)
            {
                drawingFrom?.Arrivals.Dispose();
                drawingFrom = current;
                next = current is not null && current.Arrivals.MoveNext() ? current.Arrivals.Current : null;
            }

            var now = clock.GetUtcNow();
            if (current?.Until is { } until && now >= until)
            {
                logger.LogInformation("Load of {Rate}/h ended after its duration", current.IncidentsPerHour);
                lock (gate)
                {
                    if (level == current)
                    {
                        level = null;
                    }
                }

                continue;
            }

            if (next is not null && current is not null && next.At <= now)
            {
                var id = IncidentIds.Load(Interlocked.Increment(ref sequence));
                var raised = new IncidentRaised(id, next.Type, next.Severity, next.ClusterId, next.Summary + " (synthetic load)", next.WorkMinutes, next.At);
                await publisher.PublishAsync(raised, synthetic: true, stoppingToken);
                next = current.Arrivals.MoveNext() ? current.Arrivals.Current : null;
                continue;
            }

            var due = next?.At;
            if (current?.Until is { } end && (due is null || end < due))
            {
                due = end;
            }

            await alarm.SleepUntilAsync(due, stoppingToken);
        }

        drawingFrom?.Arrivals.Dispose();
    }

    private sealed record LoadLevel(double IncidentsPerHour, DateTimeOffset? Until, IEnumerator<IncidentArrival> Arrivals);
}
