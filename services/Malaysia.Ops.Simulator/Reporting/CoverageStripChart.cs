using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// The first day of the run as 24 UTC hours, one row per desk with a bar for every stretch on
/// duty, and a last row in the warning colour for the hours nobody is: a roster's gaps and
/// overlaps are visible at a glance, which a table of times never makes them.
/// </summary>
internal static class CoverageStripChart
{
    private const double Width = 1056;
    private const double LabelWidth = 190;
    private const double RightMargin = 16;
    private const double Top = 8;
    private const double RowHeight = 24;
    private const double RowGap = 10;
    private const double AxisHeight = 26;
    private const int TickHours = 3;

    public static string Render(IReadOnlyList<DutyStrip> strips, DeskPalette palette, DateOnly day)
    {
        var rows = strips.Where(s => s.DeskId != DeskPalette.GapDeskId)
            .Concat(strips.Where(s => s.DeskId == DeskPalette.GapDeskId))
            .ToList();
        var plotWidth = Width - LabelWidth - RightMargin;
        var plotBottom = Top + (rows.Count * (RowHeight + RowGap)) - RowGap;
        double X(double hour) => LabelWidth + (hour / 24 * plotWidth);

        var chart = new SvgChart(
            "coverage-chart",
            Width,
            plotBottom + AxisHeight,
            $"Who is on duty on {ReportFormat.Date(day)}, by UTC hour",
            Describe(rows, palette));

        for (var hour = 0; hour <= 24; hour += TickHours)
        {
            chart.Line(X(hour), Top - 4, X(hour), plotBottom + 4, "grid");
            chart.Text(X(hour), plotBottom + 20, ReportFormat.HourOfDay(hour), "middle", "small");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * (RowHeight + RowGap));
            var label = palette.LabelOf(row.DeskId);
            chart.Text(LabelWidth - 10, y + (RowHeight / 2) + 4, label, "end", row.DeskId == DeskPalette.GapDeskId ? "warn" : null);
            chart.Rect(X(0), y, plotWidth, RowHeight, "track");
            foreach (var range in row.OnDuty)
            {
                chart.Rect(X(range.From), y, X(range.To) - X(range.From), RowHeight, palette.ClassOf(row.DeskId), $"{label}: {Span(range)} UTC");
            }
        }

        return chart.ToString();
    }

    private static string Describe(IReadOnlyList<DutyStrip> rows, DeskPalette palette) =>
        string.Join(" ", rows.Select(row => row.OnDuty.Count == 0
            ? $"{palette.LabelOf(row.DeskId)}: never."
            : $"{palette.LabelOf(row.DeskId)}: {string.Join(", ", row.OnDuty.Select(Span))} UTC."));

    private static string Span(HourRange range) => $"{ReportFormat.HourOfDay(range.From)}–{ReportFormat.HourOfDay(range.To)}";
}
