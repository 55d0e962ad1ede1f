using System.Net;
using System.Text;

namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>
/// A calibration as one self-contained HTML page: the arrivals at each hour of the week against
/// the stated profile, and each severity's work-time histogram against its lognormal fit. Plain
/// SVG bars and lines; the simulator's report charts live in a project this one cannot use.
/// </summary>
public static class CalibrationPage
{
    private const int Width = 840;
    private const int Height = 220;
    private const int Bins = 30;

    public static string Render(Calibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>Calibration: {Encode(calibration.Source)}</title>");
        html.AppendLine("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:900px}pre{background:#f4f4f4;padding:1em}svg{border:1px solid #ccc}</style></head><body>");
        html.AppendLine($"<h1>Calibration: {Encode(calibration.Source)}</h1>");
        html.AppendLine($"<pre>{Encode(CalibrationSummary.Write(calibration))}</pre>");
        html.AppendLine($"<h2>Arrivals by hour of the week ({Encode(calibration.TimeZone)}, Monday 00:00 first)</h2>");
        html.AppendLine("<p>Bars: measured incidents per hour. Line: the calibrated profile.</p>");
        html.AppendLine(ArrivalsChart(calibration));
        foreach (var work in calibration.WorkTimes.Where(w => w.Fit is not null))
        {
            html.AppendLine($"<h2>Work time, {work.Severity} ({work.Samples} incidents)</h2>");
            html.AppendLine("<p>Bars: share of incidents in each band of minutes. Line: the lognormal fit.</p>");
            html.AppendLine(WorkChart(work));
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string ArrivalsChart(Calibration calibration)
    {
        var measured = calibration.HourOfWeekRates.Select(r => r.PerHour).ToArray();
        var profile = Enumerable.Range(0, HourOfWeek.Count).Select(calibration.ProfileRate).ToArray();
        return Chart(measured, profile);
    }

    private static string WorkChart(WorkTimeFigures work)
    {
        var fit = work.Fit!;
        var top = work.Minutes.Order().ElementAt((int)(0.99 * (work.Minutes.Count - 1)));
        var band = Math.Max(top / Bins, 1e-9);
        var shares = new double[Bins];
        foreach (var minutes in work.Minutes.Where(m => m < band * Bins))
        {
            shares[(int)(minutes / band)] += 1.0 / work.Minutes.Count;
        }

        var fitted = Enumerable.Range(0, Bins).Select(i => fit.Cumulative((i + 1) * band) - fit.Cumulative(i * band)).ToArray();
        return Chart(shares, fitted);
    }

    /// <summary>Bars of <paramref name="bars"/> with <paramref name="line"/> drawn over them, on
    /// one scale.</summary>
    private static string Chart(double[] bars, double[] line)
    {
        var max = Math.Max(bars.Append(0).Max(), line.Append(0).Max());
        max = max > 0 ? max : 1;
        var step = (double)Width / bars.Length;
        double Y(double value) => Height - (value / max * (Height - 10));
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\">");
        for (var i = 0; i < bars.Length; i++)
        {
            svg.Append($"<rect x=\"{Figures.Fixed(i * step, 1)}\" y=\"{Figures.Fixed(Y(bars[i]), 1)}\" width=\"{Figures.Fixed(step * 0.9, 1)}\" height=\"{Figures.Fixed(Height - Y(bars[i]), 1)}\" fill=\"#7aa6d6\"/>");
        }

        var points = string.Join(' ', line.Select((v, i) => $"{Figures.Fixed((i + 0.5) * step, 1)},{Figures.Fixed(Y(v), 1)}"));
        svg.Append($"<polyline points=\"{points}\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/></svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
