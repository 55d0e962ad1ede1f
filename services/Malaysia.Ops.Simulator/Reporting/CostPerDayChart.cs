using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// Staff cost per day of the run's topology and of each topology it is compared with, as
/// horizontal bars on one scale: what closing a gap or adding a site costs, next to the
/// service-level figures of the comparison table.
/// </summary>
internal static class CostPerDayChart
{
    private const double Width = 1056;
    private const double LabelWidth = 210;
    private const double Right = 80;
    private const double Top = 8;
    private const double RowHeight = 24;
    private const double RowGap = 10;
    private const double AxisHeight = 24;

    /// <summary>The first topology is the run's own and is drawn in the first series colour.</summary>
    public static string Render(IReadOnlyList<TopologyReport> topologies)
    {
        var scale = AxisScale.Covering(topologies.Select(t => t.CostPerDay).DefaultIfEmpty(0).Max(), ticks: 5);
        var plotWidth = Width - LabelWidth - Right;
        var bottom = Top + (topologies.Count * (RowHeight + RowGap)) - RowGap;
        double X(double cost) => LabelWidth + (cost / scale.Max * plotWidth);

        var chart = new SvgChart(
            "cost-chart",
            Width,
            bottom + AxisHeight,
            "Staff cost per day by desk topology",
            string.Join(" ", topologies.Select(t => $"{t.Name}: {ReportFormat.Money(t.CostPerDay)} per day.")));

        foreach (var tick in scale.Ticks())
        {
            chart.Line(X(tick), Top - 4, X(tick), bottom + 4, "grid");
            chart.Text(X(tick), bottom + 18, ReportFormat.Money(tick), "middle", "small");
        }

        for (var i = 0; i < topologies.Count; i++)
        {
            var topology = topologies[i];
            var y = Top + (i * (RowHeight + RowGap));
            chart.Text(LabelWidth - 10, y + (RowHeight / 2) + 4, topology.Name, "end");
            chart.Rect(X(0), y, X(topology.CostPerDay) - X(0), RowHeight, i == 0 ? ReportStyle.SeriesClass(0) : ReportStyle.SeriesClass(4), $"{topology.Name}: {ReportFormat.Money(topology.CostPerDay)} per day");
            chart.Text(X(topology.CostPerDay) + 6, y + (RowHeight / 2) + 4, ReportFormat.Money(topology.CostPerDay));
        }

        chart.Line(X(0), Top - 4, X(0), bottom + 4, "axis");
        return chart.ToString();
    }
}
