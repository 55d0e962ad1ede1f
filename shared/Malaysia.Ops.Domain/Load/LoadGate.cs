namespace Malaysia.Ops.Domain.Load;

/// <summary>
/// The thresholds a synthetic load is held to, judged on its figures as k6 judges its own: live
/// while the load runs, and once at its end, when the run passes only if every threshold holds.
/// Lost incidents are judged at the end only (an incident on its way is not lost yet); a
/// threshold without a figure at the end is broken, since nothing shows that it held.
/// </summary>
public sealed class LoadGate
{
    private LoadGate(IReadOnlyList<LoadThreshold> thresholds) => Thresholds = thresholds;

    public IReadOnlyList<LoadThreshold> Thresholds { get; }

    public bool IsEmpty => Thresholds.Count == 0;

    public static LoadGate None { get; } = new([]);

    /// <summary>The gate of <paramref name="texts"/>, or every problem with them, each naming the
    /// threshold's place (<paramref name="setting"/>:index) and what in it is wrong.</summary>
    public static LoadGate Parse(IEnumerable<string?> texts, string setting, out IReadOnlyList<string> problems)
    {
        var thresholds = new List<LoadThreshold>();
        var found = new List<string>();
        var index = 0;
        foreach (var text in texts)
        {
            if (LoadThreshold.TryParse(text, out var threshold, out var problem))
            {
                thresholds.Add(threshold);
            }
            else
            {
                found.Add($"{setting}:{index}: {problem}");
            }

            index++;
        }

        problems = found;
        return found.Count == 0 ? new LoadGate(thresholds) : None;
    }

    /// <summary>Each threshold's verdict on the figures <paramref name="figure"/> gives (null for
    /// a figure not measured yet); <paramref name="final"/> once the load is over.</summary>
    public IReadOnlyList<ThresholdVerdict> Judge(Func<LoadMetric, double?> figure, bool final) =>
        Thresholds.Select(threshold => Judge(threshold, figure(threshold.Metric), final)).ToList();

    /// <summary>True when every verdict is a pass.</summary>
    public static bool Passed(IEnumerable<ThresholdVerdict> verdicts) => verdicts.All(v => v.State == ThresholdState.Pass);

    private static ThresholdVerdict Judge(LoadThreshold threshold, double? figure, bool final)
    {
        var state = figure switch
        {
            null => final ? ThresholdState.Fail : ThresholdState.Pending,
            { } f when threshold.Metric.Measure == LoadMeasure.Lost && !final => threshold.Holds(f) ? ThresholdState.Pending : ThresholdState.Fail,
            { } f => threshold.Holds(f) ? ThresholdState.Pass : ThresholdState.Fail,
        };
        return new ThresholdVerdict(threshold, figure, state);
    }
}
