using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// Per severity, the share of incidents acknowledged in time and the share resolved in time,
/// side by side on a 0–100% axis: a topology that is cheap but lets SEV1s breach shows it here.
/// </summary>
internal static class SlaAttainmentChart
{
    private const double Width = 720;
    private const double Left = 48;
    private const double Right = 8;
    private const double LegendHeight = 40;
    private const double PlotHeight = 180;
    private const double AxisHeight = 40;
    private const double BarWidth = 44;
    private const double BarGap = 6;

    private static readonly (string Label, string CssClass, Func<SlaFigures, double> Value)[] Measures =
    [
        ("acknowledged in time", ReportStyle.SeriesClass(0), f => f.AcknowledgedInTime),
        ("resolved in time", ReportStyle.SeriesClass(2), f => f.ResolvedInTime),
    ];

    public static string Render(IReadOnlyDictionary<string, SlaFigures> bySeverity)
    {
        var plotWidth = Width - Left - Right;
        var groupWidth = plotWidth / Math.Max(1, bySeverity.Count);
        var top = LegendHeight;
        var bottom = top + PlotHeight;
        double Y(double fraction) => bottom - (fraction * PlotHeight);

        var chart = new SvgChart(
            "sla-chart",
            Width,
            bottom + AxisHeight,
            "Service-level attainment by severity",
            string.Join(" ", bySeverity.Select(s =>
                $"{s.Key} ({ReportFormat.Count(s.Value.Incidents)} incidents): {string.Join(", ", Measures.Select(m => $"{ReportFormat.Percent(m.Value(s.Value))} {m.Label}"))}.")));

        chart.Legend(Left, Measures.Select(m => (m.CssClass, m.Label)));
        chart.HorizontalGrid(Left, Width - Right, Enumerable.Range(0, 5).Select(quarter => (Y(quarter / 4.0), ReportFormat.Percent(quarter / 4.0))));

        var group = 0;
        foreach (var (severity, figures) in bySeverity)
        {
            var centre = Left + ((group + 0.5) * groupWidth);
            var x = centre - ((Measures.Length * (BarWidth + BarGap)) - BarGap) / 2;
            foreach (var measure in Measures)
            {
                var value = measure.Value(figures);
                chart.Rect(x, Y(value), BarWidth, bottom - Y(value), measure.CssClass, $"{severity}: {ReportFormat.Percent(value)} {measure.Label}");
                chart.Text(x + (BarWidth / 2), Y(value) - 4, ReportFormat.Percent(value), "middle", "small");
                x += BarWidth + BarGap;
            }

            chart.Text(centre, bottom + 16, severity, "middle");
            chart.Text(centre, bottom + 31, $"{ReportFormat.Count(figures.Incidents)} incidents", "middle", "small muted");
            group++;
        }

        chart.Line(Left, bottom, Width - Right, bottom, "axis");
        return chart.ToString();
    }
}
