using Malaysia.Ops.Clock;
using Malaysia.Ops.Dispatch.Load;
using Malaysia.Ops.Domain.Load;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// The console's synthetic load followed from the board's own messages, whether dispatch runs in
/// this process or not: each load incident from its raise to its assignment, acknowledgement and
/// resolution (<see cref="LoadProgress"/>), the rate, the queue depth and a sample of them a
/// second for the chart; and the thresholds the presenter set when starting the load. Once the
/// load is over, they are judged for good when every load incident is acknowledged, or after
/// <see cref="Drain"/>, when the ones still missing count as lost.
/// </summary>
public sealed class ConsoleLoadFigures(SimulationClock clock)
{
    /// <summary>How long an ended load's incidents have to be acknowledged before they are lost.</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    private const int MostSamples = 120;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Queue<LoadSample> history = new();
    private LoadProgress progress = new(clock);
    private LoadGate thresholds = LoadGate.None;
    private DateTimeOffset startedAt = clock.Wall.GetUtcNow();
    private DateTimeOffset? endedAt;
    private (DateTimeOffset At, long Raised) lastSample = (clock.Wall.GetUtcNow(), 0);
    private double rate;
    private long peakDepth = -1;
    private IReadOnlyList<ThresholdVerdict>? final;

    /// <summary>A load begins, held to <paramref name="held"/>: the figures start again.</summary>
    public void Started(LoadGate held)
    {
        lock (gate)
        {
            var now = clock.Wall.GetUtcNow();
            progress = new LoadProgress(clock);
            thresholds = held;
            startedAt = now;
            endedAt = null;
            lastSample = (now, 0);
            rate = 0;
            peakDepth = -1;
            final = null;
            history.Clear();
        }
    }

    public void Raised(string incidentId, DateTime? sentAt) => Current.OnRaised(incidentId, sentAt);

    public void Assigned(string incidentId) => Current.OnAssigned(incidentId);

    public void Acknowledged(string incidentId, DateTime? sentAt) => Current.OnAcknowledged(incidentId, sentAt);

    public void Resolved(string incidentId, DateTime? sentAt) => Current.OnResolved(incidentId, sentAt);

    /// <summary>The panel now; <paramref name="running"/> whether the load still raises,
    /// <paramref name="queueDepth"/> the operation's queues as last read.</summary>
    public LoadPanel Panel(bool running, long? queueDepth)
    {
        lock (gate)
        {
            var now = clock.Wall.GetUtcNow();
            if (!running && endedAt is null)
            {
                endedAt = now;
            }

            if (queueDepth is { } depth && running)
            {
                peakDepth = Math.Max(peakDepth, depth);
            }

            var p50 = progress.ToAssigned.Milliseconds(50);
            var p99 = progress.ToAssigned.Milliseconds(99);
            if (now - lastSample.At >= SampleEvery)
            {
                rate = Math.Round((progress.Raised - lastSample.Raised) / (now - lastSample.At).TotalSeconds, 1);
                lastSample = (now, progress.Raised);
                if (running || progress.Open > 0)
                {
                    history.Enqueue(new LoadSample(Math.Round((now - startedAt).TotalSeconds, 1), rate, p50, p99, queueDepth));
                    while (history.Count > MostSamples)
                    {
                        history.Dequeue();
                    }
                }
            }

            var verdicts = final ?? Judge(now);
            return new LoadPanel(
                running,
                running ? rate : 0,
                p50,
                p99,
                queueDepth,
                history.ToList(),
                verdicts.Select(View).ToList(),
                final is not null);
        }
    }

    private LoadProgress Current
    {
        get
        {
            lock (gate)
            {
                return progress;
            }
        }
    }

    private IReadOnlyList<ThresholdVerdict> Judge(DateTimeOffset now)
    {
        var drained = endedAt is { } ended && (progress.Acknowledged >= progress.Raised || now - ended >= Drain);
        var verdicts = thresholds.Judge(Figure, final: drained);
        if (drained)
        {
            final = verdicts;
        }

        return verdicts;

        double? Figure(LoadMetric metric) => metric.Measure switch
        {
            LoadMeasure.Latency => metric.Stage switch
            {
                LoadStage.Assign => progress.ToAssigned.Milliseconds(metric.Percentile),
                LoadStage.Acknowledge => progress.ToAcknowledged.Milliseconds(metric.Percentile),
                LoadStage.Resolve => progress.ToResolved.Milliseconds(metric.Percentile),
                _ => null,
            },
            LoadMeasure.QueueDepth => peakDepth < 0 ? null : peakDepth,
            LoadMeasure.Rate => progress.Raised / Math.Max(1e-3, ((endedAt ?? now) - startedAt).TotalSeconds),
            // An incident on its way is not lost: only the end tells.
            _ => drained ? Math.Max(0, progress.Raised - progress.Acknowledged) : null,
        };
    }

    private static ThresholdView View(ThresholdVerdict verdict) =>
        new(verdict.Threshold.ToString(), verdict.Figure, verdict.Threshold.Metric.Unit, verdict.State.ToString().ToLowerInvariant());

    /// <summary>Whether the console measures <paramref name="metric"/>: the broker's confirm of a
    /// raise is timed by the workload's load driver only.</summary>
    public static bool Measures(LoadMetric metric) => metric is not { Measure: LoadMeasure.Latency, Stage: LoadStage.Confirm };
}
