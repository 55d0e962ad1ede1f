using System.Globalization;

namespace Malaysia.Ops.Domain.Load;

/// <summary>One figure of a synthetic load that a threshold can hold to account: a latency
/// (with its stage and percentile), the queue depth, incidents lost or the rate.</summary>
public sealed record LoadMetric(LoadMeasure Measure, LoadStage Stage = LoadStage.Confirm, double Percentile = 0)
{
    public static LoadMetric QueueDepth { get; } = new(LoadMeasure.QueueDepth);

    public static LoadMetric Lost { get; } = new(LoadMeasure.Lost);

    public static LoadMetric Rate { get; } = new(LoadMeasure.Rate);

    public static LoadMetric Latency(LoadStage stage, double percentile) => new(LoadMeasure.Latency, stage, percentile);

    /// <summary>The unit its figures are in, for people.</summary>
    public string Unit => Measure switch
    {
        LoadMeasure.Latency => "ms",
        LoadMeasure.Rate => "/s",
        _ => string.Empty,
    };

    /// <summary>As a threshold writes it: "p99 raise→assign", "queue depth", "lost", "rate".</summary>
    public override string ToString() => Measure switch
    {
        LoadMeasure.Latency => string.Create(CultureInfo.InvariantCulture, $"p{Percentile} raise→{Stage.ToString().ToLowerInvariant()}"),
        LoadMeasure.QueueDepth => "queue depth",
        LoadMeasure.Lost => "lost",
        _ => "rate",
    };
}
