using System.Globalization;

namespace Malaysia.Ops.Domain.Load;

/// <summary>A threshold, the figure it was judged on (null when there was none) and the verdict.</summary>
public sealed record ThresholdVerdict(LoadThreshold Threshold, double? Figure, ThresholdState State)
{
    /// <summary>"p99 raise→assign &lt; 200 ms: 12.5 ms, pass", for log lines.</summary>
    public override string ToString()
    {
        var unit = Threshold.Metric.Unit;
        var figure = Figure is { } f
            ? f.ToString("0.##", CultureInfo.InvariantCulture) + (unit == "ms" ? " ms" : unit)
            : "no figure";
        return $"{Threshold}: {figure}, {State.ToString().ToLowerInvariant()}";
    }
}
