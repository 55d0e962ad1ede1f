using System.Globalization;
using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// Open incidents each desk held over the run, one line per desk, over light bands where nobody
/// was on duty: a backlog that builds in a gap and lands on the next desk shows up as a step.
/// </summary>
internal static class OpenIncidentsChart
{
    private const double Width = 1056;
    private const double Left = 44;
    private const double Right = 16;
    private const double LegendHeight = 28;
    private const double PlotHeight = 240;
    private const double AxisHeight = 42;

    // Time ticks: the first of these steps that gives at most a dozen ticks.
    private static readonly int[] TickStepHours = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 672];

    public static string Render(IReadOnlyList<OpenIncidentsSample> samples, IReadOnlyList<TimeStretch> gaps, DeskPalette palette)
    {
        var from = samples[0].At;
        var to = samples[^1].At;
        var span = Math.Max((to - from).TotalHours, 1);
        var desks = palette.Sorted(samples.SelectMany(s => s.ByDesk.Keys));
        var scale = AxisScale.Covering(samples.SelectMany(s => s.ByDesk.Values).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var top = LegendHeight;
        var bottom = top + PlotHeight;
        double X(DateTimeOffset at) => Left + ((at - from).TotalHours / span * plotWidth);
        double Y(double count) => bottom - (count / scale.Max * PlotHeight);

        var chart = new SvgChart(
            "open-incidents-chart",
            Width,
            bottom + AxisHeight,
            "Open incidents held by each desk over the run",
            Describe(samples, desks, palette));

        chart.Legend(Left, desks.Select(d => (palette.ClassOf(d), palette.LabelOf(d))).Concat(gaps.Count > 0 ? [("band", "nobody on duty")] : []));

        foreach (var gap in gaps.Where(g => g.To > from && g.From < to))
        {
            var start = X(gap.From < from ? from : gap.From);
            chart.Rect(start, top, X(gap.To > to ? to : gap.To) - start, PlotHeight, "band", $"nobody on duty {ReportFormat.Utc(gap.From)} – {ReportFormat.Utc(gap.To)}");
        }

        chart.HorizontalGrid(Left, Width - Right, scale.Ticks().Select(tick => (Y(tick), ReportFormat.Number(tick))));

        var step = TimeSpan.FromHours(TickStepHours.FirstOrDefault(h => span / h <= 12, TickStepHours[^1]));
        for (var at = FirstTick(from, step); at <= to; at += step)
        {
            var date = at.UtcDateTime.ToString("MMM d", CultureInfo.InvariantCulture);
            chart.Line(X(at), bottom, X(at), bottom + 4, "axis");
            if (step >= TimeSpan.FromDays(1))
            {
                chart.Text(X(at), bottom + 17, date, "middle", "small");
                continue;
            }

            // Hours on the first line; the date under each midnight.
            chart.Text(X(at), bottom + 17, at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture), "middle", "small");
            if (at.UtcDateTime.TimeOfDay == TimeSpan.Zero)
            {
                chart.Text(X(at), bottom + 32, date, "middle", "small muted");
            }
        }

        chart.Line(Left, bottom, Width - Right, bottom, "axis");
        foreach (var desk in desks)
        {
            chart.Polyline(
                samples.Select(s => (X(s.At), Y(s.ByDesk.TryGetValue(desk, out var held) ? held : 0))),
                $"line {palette.ClassOf(desk)}",
                palette.LabelOf(desk));
        }

        return chart.ToString();
    }

    /// <summary>The first tick at or after the start that is a whole multiple of the step in UTC
    /// (midnight, 06:00, 12:00, … for a six-hour step).</summary>
    private static DateTimeOffset FirstTick(DateTimeOffset from, TimeSpan step)
    {
        var midnight = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
        var steps = Math.Ceiling((from - midnight) / step);
        return midnight + (step * steps);
    }

    private static string Describe(IReadOnlyList<OpenIncidentsSample> samples, IReadOnlyList<string> desks, DeskPalette palette)
    {
        var peaks = desks.Select(desk =>
        {
            var peak = samples.MaxBy(s => s.ByDesk.GetValueOrDefault(desk))!;
            return $"{palette.LabelOf(desk)} peaked at {ReportFormat.Count(peak.ByDesk.GetValueOrDefault(desk))} at {ReportFormat.Utc(peak.At)}";
        });
        return $"Hourly samples from {ReportFormat.Utc(samples[0].At)} to {ReportFormat.Utc(samples[^1].At)}. {string.Join("; ", peaks)}.";
    }
}
