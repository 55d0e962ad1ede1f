using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// How long a direction's handoff items took to be accepted, in buckets of simulated minutes
/// from the shift end: a long tail or a pile-up in the last bucket shows a handoff that waits
/// for a gap to close, which a p95 alone hides.
/// </summary>
internal static class LatencyHistogramChart
{
    private const double Width = 520;
    private const double Left = 40;
    private const double Right = 8;
    private const double Top = 18;
    private const double PlotHeight = 150;
    private const double AxisHeight = 40;

    public static string Render(LatencyHistogram histogram, int index)
    {
        var counts = histogram.Counts;
        var scale = AxisScale.Covering(counts.Count == 0 ? 0 : counts.Max(), ticks: 4);
        var plotWidth = Width - Left - Right;
        var bucketWidth = plotWidth / Math.Max(1, counts.Count);
        var bottom = Top + PlotHeight;
        double Y(double count) => bottom - (count / scale.Max * PlotHeight);

        var labels = counts.Select((_, i) => BucketLabel(histogram.BucketMinutes, i, counts.Count)).ToList();
        var chart = new SvgChart(
            $"latency-chart-{index}",
            Width,
            bottom + AxisHeight,
            $"Handoff item latency, {ReportFormat.Direction(histogram.Direction)}",
            $"Items accepted, by simulated minutes from shift end: {string.Join(", ", labels.Select((label, i) => $"{label} min {ReportFormat.Count(counts[i])}"))}.");

        chart.HorizontalGrid(Left, Width - Right, scale.Ticks().Select(tick => (Y(tick), ReportFormat.Number(tick))));

        for (var i = 0; i < counts.Count; i++)
        {
            var x = Left + (i * bucketWidth);
            chart.Rect(x + 2, Y(counts[i]), bucketWidth - 4, bottom - Y(counts[i]), "bar", $"{labels[i]} min: {ReportFormat.Count(counts[i])} item(s)");
            if (counts[i] > 0)
            {
                chart.Text(x + (bucketWidth / 2), Y(counts[i]) - 4, ReportFormat.Count(counts[i]), "middle", "small");
            }

            chart.Text(x + (bucketWidth / 2), bottom + 15, labels[i], "middle", "tiny");
        }

        chart.Line(Left, bottom, Width - Right, bottom, "axis");
        chart.Text(Left + (plotWidth / 2), bottom + 34, "simulated minutes from shift end to accepted", "middle", "small muted");
        return chart.ToString();
    }

    /// <summary>"0–5", "5–10", … and, for the last bucket, which also holds everything longer, "60+".</summary>
    private static string BucketLabel(double bucketMinutes, int bucket, int buckets) =>
        bucket == buckets - 1
            ? $"{ReportFormat.Number(bucket * bucketMinutes)}+"
            : $"{ReportFormat.Number(bucket * bucketMinutes)}–{ReportFormat.Number((bucket + 1) * bucketMinutes)}";
}
