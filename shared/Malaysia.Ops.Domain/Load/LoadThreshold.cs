using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Malaysia.Ops.Domain.Load;

/// <summary>
/// A pass/fail condition on a synthetic load, written as k6 writes its thresholds:
/// "p99 raise→assign &lt; 200 ms", "queue depth &lt; 1000", "lost = 0", "rate &gt;= 900/s". A
/// latency's limit is in ms unless it says s; "->" and " to " stand for "→".
/// </summary>
public sealed partial record LoadThreshold(LoadMetric Metric, ThresholdComparison Comparison, double Limit)
{
    private const string Known = "p<percentile> raise→confirm, raise→assign, raise→acknowledge or raise→resolve; queue depth; lost; rate";

    private static readonly Dictionary<string, LoadStage> Stages = new(StringComparer.Ordinal)
    {
        ["confirm"] = LoadStage.Confirm,
        ["confirmed"] = LoadStage.Confirm,
        ["assign"] = LoadStage.Assign,
        ["assigned"] = LoadStage.Assign,
        ["acknowledge"] = LoadStage.Acknowledge,
        ["acknowledged"] = LoadStage.Acknowledge,
        ["ack"] = LoadStage.Acknowledge,
        ["resolve"] = LoadStage.Resolve,
        ["resolved"] = LoadStage.Resolve,
    };

    /// <summary>Whether <paramref name="figure"/> meets the threshold.</summary>
    public bool Holds(double figure) => Comparison switch
    {
        ThresholdComparison.Below => figure < Limit,
        ThresholdComparison.AtMost => figure <= Limit,
        ThresholdComparison.Above => figure > Limit,
        ThresholdComparison.AtLeast => figure >= Limit,
        _ => figure == Limit,
    };

    /// <summary>The threshold <paramref name="text"/> writes, or a one-line problem naming what
    /// in it is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LoadThreshold? threshold, [NotNullWhen(false)] out string? problem)
    {
        threshold = null;
        var written = (text ?? string.Empty).Trim();
        if (written.Length == 0)
        {
            problem = "a threshold is empty; write one as \"p99 raise→assign < 200 ms\"";
            return false;
        }

        var comparison = ComparisonPattern().Match(written);
        if (!comparison.Success)
        {
            problem = $"'{written}' has no comparison (<, <=, >, >=, =)";
            return false;
        }

        var left = written[..comparison.Index].Trim();
        var right = written[(comparison.Index + comparison.Length)..].Trim();
        if (!TryParseMetric(left, out var metric))
        {
            problem = left.Length == 0
                ? $"'{written}' names no figure before its comparison (known: {Known})"
                : $"'{written}': '{left}' is not a figure of the load (known: {Known})";
            return false;
        }

        var limit = LimitPattern().Match(right);
        if (!limit.Success)
        {
            problem = $"'{written}': '{right}' is not a limit (a number of at least 0, with its unit)";
            return false;
        }

        var value = double.Parse(limit.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var unit = limit.Groups["unit"].Value.ToLowerInvariant();
        if (!TryScale(metric, unit, ref value))
        {
            problem = $"'{written}': {metric} is not measured in '{unit}' (write {(metric.Unit.Length == 0 ? "a plain number" : $"a number of {metric.Unit}")})";
            return false;
        }

        threshold = new LoadThreshold(metric, Comparisons(comparison.Value), value);
        problem = null;
        return true;
    }

    /// <summary>As the threshold reads, normalized: "p99 raise→assign &lt; 200 ms".</summary>
    public override string ToString()
    {
        var sign = Comparison switch
        {
            ThresholdComparison.Below => "<",
            ThresholdComparison.AtMost => "<=",
            ThresholdComparison.Above => ">",
            ThresholdComparison.AtLeast => ">=",
            _ => "=",
        };
        var unit = Metric.Measure switch
        {
            LoadMeasure.Latency => " ms",
            LoadMeasure.Rate => "/s",
            _ => string.Empty,
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Metric} {sign} {Limit}{unit}");
    }

    private static bool TryParseMetric(string text, [NotNullWhen(true)] out LoadMetric? metric)
    {
        var words = WhiteSpace().Replace(text.ToLowerInvariant(), " ");
        metric = words switch
        {
            "queue depth" => LoadMetric.QueueDepth,
            "lost" => LoadMetric.Lost,
            "rate" => LoadMetric.Rate,
            _ => null,
        };
        if (metric is not null)
        {
            return true;
        }

        var latency = LatencyPattern().Match(words);
        if (!latency.Success
            || !Stages.TryGetValue(latency.Groups["stage"].Value, out var stage)
            || !double.TryParse(latency.Groups["percentile"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile)
            || percentile is <= 0 or > 100)
        {
            return false;
        }

        metric = LoadMetric.Latency(stage, percentile);
        return true;
    }

    /// <summary>Puts a limit in its figure's unit (ms for latencies); false for a unit the
    /// figure is not measured in.</summary>
    private static bool TryScale(LoadMetric metric, string unit, ref double value)
    {
        switch (metric.Measure, unit)
        {
            case (LoadMeasure.Latency, "" or "ms"):
            case (LoadMeasure.Rate, "" or "/s"):
            case (LoadMeasure.QueueDepth or LoadMeasure.Lost, ""):
                return true;
            case (LoadMeasure.Latency, "s"):
                value *= 1000;
                return true;
            default:
                return false;
        }
    }

    private static ThresholdComparison Comparisons(string sign) => sign switch
    {
        "<" => ThresholdComparison.Below,
        "<=" => ThresholdComparison.AtMost,
        ">" => ThresholdComparison.Above,
        ">=" => ThresholdComparison.AtLeast,
        _ => ThresholdComparison.Equal,
    };

    // The '>' of "->" is part of the arrow, not a comparison.
    [GeneratedRegex("<=|>=|==|<|(?<!-)>|=")]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)\s*(?<unit>ms|s|/s)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LimitPattern();

    [GeneratedRegex(@"^p(?<percentile>[0-9]+(\.[0-9]+)?) raise ?(→|->| to ) ?(?<stage>[a-z]+)$")]
    private static partial Regex LatencyPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
