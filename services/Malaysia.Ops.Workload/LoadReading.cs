using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Load;

namespace Malaysia.Ops.Workload;

/// <summary>
/// The figures a load's thresholds are judged on, at one moment: the driver's own (raise to
/// confirm, the rate raised over <paramref name="Elapsed"/>, raises the broker did not take) and
/// dispatch's (the later stages, the queue depth at its highest, incidents acknowledged). Lost
/// counts the raises not taken while the load runs, and at its end every incident offered that
/// dispatch did not see acknowledged.
/// </summary>
public sealed record LoadReading(LoadFigures Driver, LoadThroughDispatch? Dispatch, TimeSpan Elapsed, bool Final)
{
    public double? Figure(LoadMetric metric) => metric.Measure switch
    {
        LoadMeasure.Latency when metric.Stage == LoadStage.Confirm => Driver.ConfirmMilliseconds(metric.Percentile),
        LoadMeasure.Latency => Dispatch?.Latencies
            .FirstOrDefault(l => l.Stage == StageName(metric.Stage) && l.Percentile == metric.Percentile)?.Milliseconds,
        LoadMeasure.QueueDepth => Dispatch?.PeakQueueDepth,
        LoadMeasure.Rate => Elapsed > TimeSpan.Zero ? Driver.Raised / Elapsed.TotalSeconds : null,
        _ => Final
            ? Dispatch is { } d ? Math.Max(0, Driver.Offered - d.Acknowledged) : null
            : Driver.Failed,
    };

    /// <summary>How dispatch names a stage in <see cref="StageLatency"/>.</summary>
    public static string StageName(LoadStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>The percentiles of the later stages the thresholds ask dispatch for.</summary>
    public static IReadOnlyList<double> DispatchPercentiles(LoadGate gate) => gate.Thresholds
        .Where(t => t.Metric is { Measure: LoadMeasure.Latency, Stage: not LoadStage.Confirm })
        .Select(t => t.Metric.Percentile)
        .Distinct()
        .ToList();

    /// <summary>Whether dispatch has seen all <paramref name="offered"/> incidents as far as the
    /// thresholds look: resolved for a raise→resolve latency, acknowledged for lost incidents or a
    /// raise→acknowledge latency, assigned for a raise→assign one.</summary>
    public static bool Drained(LoadGate gate, LoadThroughDispatch seen, long offered)
    {
        var stages = gate.Thresholds.Select(t => t.Metric).ToList();
        var needed = stages.Any(m => m is { Measure: LoadMeasure.Latency, Stage: LoadStage.Resolve }) ? seen.Resolved
            : stages.Any(m => m.Measure == LoadMeasure.Lost || m is { Measure: LoadMeasure.Latency, Stage: LoadStage.Acknowledge }) ? seen.Acknowledged
            : stages.Any(m => m is { Measure: LoadMeasure.Latency, Stage: LoadStage.Assign }) ? seen.Assigned
            : offered;
        return needed >= offered;
    }

    /// <summary>Whether any threshold needs dispatch's figures.</summary>
    public static bool NeedsDispatch(LoadGate gate) => gate.Thresholds.Any(t =>
        t.Metric.Measure is LoadMeasure.QueueDepth or LoadMeasure.Lost
        || t.Metric is { Measure: LoadMeasure.Latency, Stage: not LoadStage.Confirm });
}
