using System.Globalization;
using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>The parts of report.html only a replicated run has: every headline figure with its
/// 95% interval, and each compared topology's paired difference from the scenario's own, both
/// as tables and as error bars.</summary>
internal static class ReplicationHtml
{
    public static string Estimates(ReportScenario scenario, ReplicationReport replications)
    {
        var table = new HtmlTable(
        [
            new("Figure"),
            new("Mean", Numeric: true),
            new("Standard deviation", Numeric: true),
            new("Low", Numeric: true, Group: "95% interval"),
            new("High", Numeric: true, Group: "95% interval"),
            new("Replications", Numeric: true),
        ]);
        var names = FigureText.Ordered(replications.Run.Keys).ToList();
        foreach (var name in names)
        {
            var estimate = replications.Run[name];
            table.Add(
                FigureText.Label(name),
                FigureText.Value(name, estimate.Mean),
                Optional(estimate.StandardDeviation, v => FigureText.Spread(name, v)),
                Optional(estimate.Low, v => FigureText.Value(name, v)),
                Optional(estimate.High, v => FigureText.Value(name, v)),
                ReportFormat.Count(estimate.Count));
        }

        var shares = names
            .Where(n => n.StartsWith(HeadlineFigures.ResolvedInTime + ".", StringComparison.Ordinal) || n.StartsWith(HeadlineFigures.AcknowledgedInTime + ".", StringComparison.Ordinal))
            .Select(n => (FigureText.Label(n), replications.Run[n]))
            .ToList();
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"{replications.Count} independent replications on seeds {scenario.Seed} + {ReplicationSeeds.Stride}·i; the figures above are those of replication 0. A share's spread is in percentage points.");
        var body = Note(note) + table;
        if (shares.Count > 0)
        {
            body += "<h3>Service-level attainment, 95% intervals</h3>\n"
                + IntervalChart.Render(
                    "sla-interval-chart",
                    "Service-level attainment by severity with 95% intervals",
                    shares,
                    ReportFormat.Percent,
                    e => FigureText.Estimate(HeadlineFigures.ResolvedInTime, e),
                    zeroLine: false,
                    domain: (0, 1));
        }

        body += Chart(names, replications, HeadlineFigures.Utilisation, "utilisation-interval-chart", "Engineer utilisation, 95% intervals", ReportFormat.Percent, (0, 1));
        body += Chart(names, replications, HeadlineFigures.QueueWaitMean, "queue-wait-interval-chart", "Mean queue wait (min), 95% intervals", v => ReportFormat.Minutes(v), null);
        return body;
    }

    /// <summary>One figure, overall and per desk, with its 95% intervals; nothing when no
    /// replication measured it.</summary>
    private static string Chart(IReadOnlyList<string> names, ReplicationReport replications, string figure, string id, string title, Func<double, string> value, (double, double)? domain)
    {
        var rows = names
            .Where(n => n == figure || n.StartsWith(figure + ".", StringComparison.Ordinal))
            .Select(n => (FigureText.Label(n), replications.Run[n]))
            .ToList();
        return rows.Count == 0
            ? string.Empty
            : $"<h3>{ReportFormat.Encode(title)}</h3>\n" + IntervalChart.Render(id, title, rows, value, e => FigureText.Estimate(figure, e), zeroLine: domain is null, domain);
    }

    public static string Differences(string runName, ReplicationReport replications)
    {
        var table = new HtmlTable(
        [
            new("Topology"),
            new("Figure"),
            new("Difference", Numeric: true),
            new("Low", Numeric: true, Group: "95% interval"),
            new("High", Numeric: true, Group: "95% interval"),
            new("Significant"),
        ]);
        var figures = new List<string>();
        foreach (var topology in replications.Comparison)
        {
            foreach (var name in FigureText.Ordered(topology.DifferenceFromRun.Keys).Where(FigureText.IsCompared))
            {
                var paired = topology.DifferenceFromRun[name];
                table.Add(null,
                [
                    new(topology.Name),
                    new(FigureText.Label(name)),
                    new(FigureText.Difference(name, paired.Difference)),
                    new(Optional(paired.Difference.Low, v => Signed(name, v))),
                    new(Optional(paired.Difference.High, v => Signed(name, v))),
                    new(paired.Significant ? "yes" : "no", Warning: paired.Significant),
                ]);
                if (!figures.Contains(name))
                {
                    figures.Add(name);
                }
            }
        }

        var charts = new System.Text.StringBuilder();
        for (var i = 0; i < figures.Count; i++)
        {
            var name = figures[i];
            var rows = replications.Comparison
                .Where(t => t.DifferenceFromRun.ContainsKey(name))
                .Select(t => (t.Name, t.DifferenceFromRun[name].Difference))
                .ToList();
            charts.Append("<h3>").Append(ReportFormat.Encode($"Difference in {FigureText.Label(name)}")).Append("</h3>\n")
                .Append(IntervalChart.Render(
                    string.Create(CultureInfo.InvariantCulture, $"difference-chart-{i}"),
                    $"Difference in {FigureText.Label(name)} from {runName}, with 95% intervals",
                    rows,
                    v => Signed(name, v),
                    e => FigureText.Difference(name, e),
                    zeroLine: true));
        }

        return "<h3>Paired differences over the replications</h3>\n"
            + Note($"Each topology minus {runName}, replication by replication on the same incident stream. A difference is significant when its 95% interval leaves out zero (drawn in the second colour).")
            + table
            + charts;
    }

    private static string Signed(string name, double value) =>
        (value < 0 ? "-" : string.Empty) + FigureText.Spread(name, Math.Abs(value));

    private static string Optional(double? value, Func<double, string> format) => value is { } v ? format(v) : ReportFormat.None;

    private static string Note(string text) => $"<p class=\"muted\">{ReportFormat.Encode(text)}</p>\n";
}
