using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// Estimates as error bars, one row each on a shared horizontal scale: the bar spans the 95%
/// interval and the mark sits on the mean, so overlapping intervals are seen at a glance. With
/// a zero line (paired differences) a bar that does not cross it is a significant difference
/// and is drawn in the second colour.
/// </summary>
internal static class IntervalChart
{
    private const double Width = 1056;
    private const double LabelWidth = 260;
    private const double Right = 200;
    private const double Top = 8;
    private const double RowHeight = 24;
    private const double AxisHeight = 24;
    private const int Ticks = 4;

    /// <param name="domain">The scale's ends (0 to 1 for shares); otherwise the scale spans
    /// the intervals, and zero when <paramref name="zeroLine"/>.</param>
    public static string Render(
        string id,
        string title,
        IReadOnlyList<(string Label, Estimate Estimate)> rows,
        Func<double, string> value,
        Func<Estimate, string> estimate,
        bool zeroLine,
        (double Min, double Max)? domain = null)
    {
        var (min, max) = domain ?? Span(rows.Select(r => r.Estimate), zeroLine);
        var plotWidth = Width - LabelWidth - Right;
        var bottom = Top + (rows.Count * RowHeight);
        double X(double v) => LabelWidth + ((Math.Clamp(v, min, max) - min) / (max - min) * plotWidth);

        var chart = new SvgChart(
            id,
            Width,
            bottom + AxisHeight,
            title,
            string.Join(" ", rows.Select(r => $"{r.Label}: {estimate(r.Estimate)}.")));

        for (var tick = 0; tick <= Ticks; tick++)
        {
            var at = min + ((max - min) * tick / Ticks);
            chart.Line(X(at), Top - 4, X(at), bottom + 4, "grid");
            chart.Text(X(at), bottom + 18, value(at), "middle", "small");
        }

        if (zeroLine && min <= 0 && max >= 0)
        {
            chart.Line(X(0), Top - 4, X(0), bottom + 4, "axis");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, figure) = rows[i];
            var middle = Top + (i * RowHeight) + (RowHeight / 2);
            var significant = zeroLine && (figure.Low > 0 || figure.High < 0);
            var series = ReportStyle.SeriesClass(significant ? 1 : 0);
            chart.Text(LabelWidth - 10, middle + 4, label, "end");
            if (figure is { Low: { } low, High: { } high })
            {
                chart.Rect(X(low), middle - 1.5, X(high) - X(low), 3, series, $"{label}: {estimate(figure)}");
                chart.Line(X(low), middle - 6, X(low), middle + 6, series);
                chart.Line(X(high), middle - 6, X(high), middle + 6, series);
            }

            chart.Rect(X(figure.Mean) - 3, middle - 7, 6, 14, series, $"{label}: {estimate(figure)}");
            chart.Text(Width - Right + 10, middle + 4, estimate(figure), "start", "small");
        }

        return chart.ToString();
    }

    private static (double Min, double Max) Span(IEnumerable<Estimate> estimates, bool withZero)
    {
        var ends = estimates.SelectMany(e => new[] { e.Low ?? e.Mean, e.High ?? e.Mean }).ToList();
        if (withZero)
        {
            ends.Add(0);
        }

        var (min, max) = (ends.DefaultIfEmpty(0).Min(), ends.DefaultIfEmpty(1).Max());

        // Every interval of zero width (a fixed cost) still needs a scale to sit on.
        var margin = max > min ? (max - min) * 0.05 : Math.Max(1, Math.Abs(max) * 0.1);
        return (min - margin, max + margin);
    }
}
