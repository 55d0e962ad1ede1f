namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// The console's load as the board shows it: raised per wall second over the last second or
/// more, raise→assign at p50 and p99 (ms, since the load began), the operation's queue depth,
/// a minute or two of those figures for the chart, and each threshold's verdict. Thresholds are
/// judged live while the load runs and for good (<paramref name="Final"/>) once it is over.
/// </summary>
public sealed record LoadPanel(
    bool Running,
    double RatePerSecond,
    double? AssignP50Milliseconds,
    double? AssignP99Milliseconds,
    long? QueueDepth,
    IReadOnlyList<LoadSample> History,
    IReadOnlyList<ThresholdView> Thresholds,
    bool Final);

/// <summary>One point of the load chart, <paramref name="WallSeconds"/> after the load began.</summary>
public sealed record LoadSample(double WallSeconds, double RatePerSecond, double? AssignP50Milliseconds, double? AssignP99Milliseconds, long? QueueDepth);

/// <summary>A threshold as written back, its figure and its state ("pending", "pass", "fail").</summary>
public sealed record ThresholdView(string Threshold, double? Figure, string Unit, string State);
