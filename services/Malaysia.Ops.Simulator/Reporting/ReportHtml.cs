using System.Globalization;
using System.Text;
using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// report.html: a run's report as one self-contained HTML5 page that opens from disk, mail or
/// a CI artefact with no network. The stylesheet is inline, the charts are SVG drawn here, and
/// there is no script, font, image or link to fetch. Every text is encoded, every number is
/// written in the invariant culture, and nothing depends on when or where it is rendered, so
/// the same report always gives the same bytes and two runs can be diffed.
/// </summary>
public static class ReportHtml
{
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var run = report.Run;
        var palette = new DeskPalette(run.Desks);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(ReportFormat.Encode($"Run report: {report.Scenario.Name}")).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n");

        Scenario(html, report.Scenario, run);
        Headline(html, run);
        if (report.Staffing is { } staffing)
        {
            Section(html, "staffing", "Staffing solved for the service-level targets", StaffingHtml.Render(staffing));
        }

        if (report.Replications is { } replications)
        {
            Section(html, "replications", $"Across {ReportFormat.Count(replications.Count)} replications", ReplicationHtml.Estimates(report.Scenario, replications));
        }

        Coverage(html, run, palette, DateOnly.FromDateTime(report.Scenario.Start.UtcDateTime));
        Latency(html, run);
        OpenIncidents(html, run, palette);
        Sla(html, run);
        Section(html, "handoffs", "Handoffs", run.Handoffs.Count == 0 ? Note("No shift ended with a handoff in this run.") : ReportTables.Handoffs(run.Handoffs));
        Section(html, "desks", "Desks", ReportTables.Desks(run.Desks));
        if (run.Measures is { } measures)
        {
            Section(
                html,
                "shifts",
                "Utilisation, queue wait and interruptions",
                Note("Utilisation: hours the shift's engineers spent working incidents over their hours on duty. Queue wait: raised to the first start of work, by the shift that started it. Interruptions: incidents each desk took, by its local time (business 08:00–18:00 Monday to Friday, off 18:00–22:00 and weekend days, sleep 22:00–08:00).")
                + MeasureTables.Shifts(measures.Shifts)
                + "<h3>Interruptions by local time</h3>\n"
                + MeasureTables.Interruptions(measures.Interruptions));
        }
        if (report.Comparison.Count > 0)
        {
            Section(
                html,
                "comparison",
                "Topology comparison",
                Note("The same incident stream, staffed another way.")
                + ReportTables.Comparison(run, report.Comparison)
                + "<h3>Staff cost per day</h3>\n"
                + CostPerDayChart.Render([run, .. report.Comparison])
                + (report.Replications is { Comparison.Count: > 0 } compared ? ReplicationHtml.Differences(run.Name, compared) : string.Empty));
        }

        if (report.Forecast is { } forecast)
        {
            Section(
                html,
                "forecast",
                "Coverage forecast",
                Note($"The weeks of the 52 from {ReportFormat.Date(DateOnly.FromDateTime(report.Scenario.Start.UtcDateTime))} in which a clock change or a desk's public holiday changes who is on duty.")
                + (forecast.Count == 0 ? Note("No clock change or holiday changes coverage in those weeks.") : ReportTables.Forecast(forecast)));
        }

        html.Append("<footer class=\"muted\">report.json schema version ").Append(report.SchemaVersion.ToString(CultureInfo.InvariantCulture)).Append(".</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Scenario(StringBuilder html, ReportScenario scenario, TopologyReport run)
    {
        html.Append("<header id=\"scenario\">\n<h1>").Append(ReportFormat.Encode($"Run report: {scenario.Name}")).Append("</h1>\n");
        html.Append("<p class=\"muted\">").Append(ReportFormat.Encode(scenario.Description)).Append("</p>\n<dl>\n");
        void Item(string term, string value) =>
            html.Append("<dt>").Append(ReportFormat.Encode(term)).Append("</dt><dd>").Append(ReportFormat.Encode(value)).Append("</dd>\n");
        Item("Period", $"{ReportFormat.Utc(scenario.Start)} – {ReportFormat.Utc(scenario.End)}");
        Item("Days", ReportFormat.Number(scenario.Days));
        Item("Seed", scenario.Seed.ToString(CultureInfo.InvariantCulture));
        Item("Incidents per hour", ReportFormat.Number(scenario.IncidentsPerHour));
        Item("Time", scenario.Time);
        Item("Desk topology", run.Description.Length == 0 ? run.Name : $"{run.Name}: {run.Description}");
        html.Append("</dl>\n</header>\n");
    }

    private static void Headline(StringBuilder html, TopologyReport run)
    {
        var s = run.Summary;
        var figures = new (string Value, string Label)[]
        {
            (ReportFormat.Count(s.IncidentsRaised), "incidents raised"),
            (ReportFormat.Count(s.IncidentsResolved), "resolved"),
            (ReportFormat.Count(s.IncidentsOpen), "still open at the end"),
            (ReportFormat.Count(s.IncidentsArrivedInCoverageGap), "arrived with nobody on duty"),
            (ReportFormat.Count(s.IncidentsEscalatedToAnotherDesk + s.IncidentsPaged), $"escalated before an acknowledgement breach: {ReportFormat.Count(s.IncidentsEscalatedToAnotherDesk)} to another desk, {ReportFormat.Count(s.IncidentsPaged)} paged"),
            (ReportFormat.Count(s.Handoffs), $"handoffs: {ReportFormat.Count(s.HandoffsCompleted)} completed, {ReportFormat.Count(s.HandoffsEscalated)} escalated"),
            (ReportFormat.Count(s.WorkloadsSubmitted), $"customer workloads: {ReportFormat.Count(s.WorkloadsCompleted)} completed, {ReportFormat.Count(s.WorkloadsFailed)} failed into incidents"),
            (ReportFormat.Count(s.CrossDeskAssists + s.ExternalAssists), $"times help was needed from another desk ({ReportFormat.Count(s.ExternalAssists)} from outside), p50 wait {ReportFormat.Minutes(s.AssistWaitMinutes?.P50)} min"),
            (ReportFormat.Count(s.HandoffItems), $"items handed over, {ReportFormat.Count(s.HandoffItemsEscalated)} escalated"),
            (ReportFormat.Count(s.HandoffOmissions), $"items briefed without their context: {ReportFormat.Count(s.HandoffQueries)} queried, {ReportFormat.Count(s.HandoffSurprises)} surprises"),
            ($"{ReportFormat.Minutes(s.ItemLatencySimulatedMinutes.P50)} / {ReportFormat.Minutes(s.ItemLatencySimulatedMinutes.P95)}", "item latency p50 / p95 (simulated min)"),
            (ReportFormat.Money(run.CostPerDay), "staff cost per day"),
        };
        if (run.Measures is { } measures)
        {
            figures =
            [
                .. figures,
                (measures.Utilisation is { } u ? ReportFormat.Percent(u) : "-", "engineer utilisation (busy over on-duty engineer-hours)"),
                ($"{ReportFormat.Minutes(measures.QueueWait.P50)} / {ReportFormat.Minutes(measures.QueueWait.P95)}", $"queue wait p50 / p95, raised to work start (min), mean {ReportFormat.Minutes(measures.QueueWait.Mean)}"),
            ];
        }

        var tiles = new StringBuilder("<div class=\"figures\">\n");
        foreach (var (value, label) in figures)
        {
            tiles.Append("<div class=\"figure\"><b>").Append(ReportFormat.Encode(value)).Append("</b><span>").Append(ReportFormat.Encode(label)).Append("</span></div>\n");
        }

        Section(html, "summary", "Headline figures", tiles.Append("</div>\n").ToString());
    }

    private static void Coverage(StringBuilder html, TopologyReport run, DeskPalette palette, DateOnly firstDay)
    {
        var coverage = run.Coverage;
        var sentence = $"Over the whole run nobody was on duty for {ReportFormat.Number(coverage.GapHours)} h in {ReportFormat.Count(coverage.Gaps.Count)} stretch(es), "
            + $"two or more desks were for {ReportFormat.Number(coverage.OverlapHours)} h, and {ReportFormat.Count(coverage.IncidentsArrivedInGap)} incident(s) arrived while nobody was.";
        Section(html, "coverage", "Coverage, first day (UTC)", Note(sentence) + CoverageStripChart.Render(run.DayStrip, palette, firstDay));
    }

    private static void Latency(StringBuilder html, TopologyReport run)
    {
        if (run.ItemLatencyByDirection.Count == 0)
        {
            Section(html, "latency", "Handoff latency by direction", Note("No handoff carried an item in this run."));
            return;
        }

        var charts = new StringBuilder(Note("Simulated minutes from the end of the outgoing shift until the incoming desk accepted each item.")).Append("<div class=\"charts\">\n");
        for (var i = 0; i < run.ItemLatencyByDirection.Count; i++)
        {
            var histogram = run.ItemLatencyByDirection[i];
            var heading = $"{ReportFormat.Direction(histogram.Direction)}: {ReportFormat.Count(histogram.Counts.Sum())} item(s)";
            charts.Append("<figure>\n<h3>").Append(ReportFormat.Encode(heading)).Append("</h3>\n")
                .Append(LatencyHistogramChart.Render(histogram, i)).Append("</figure>\n");
        }

        Section(html, "latency", "Handoff latency by direction", charts.Append("</div>\n").ToString());
    }

    private static void OpenIncidents(StringBuilder html, TopologyReport run, DeskPalette palette) =>
        Section(
            html,
            "open-incidents",
            "Open incidents over time",
            run.OpenIncidents.Count < 2
                ? Note("The run is too short for a chart of open incidents.")
                : OpenIncidentsChart.Render(run.OpenIncidents, run.Coverage.Gaps, palette));

    private static void Sla(StringBuilder html, TopologyReport run) =>
        Section(
            html,
            "sla",
            "SLA attainment by severity",
            run.Summary.SlaBySeverity.Count == 0
                ? Note("No incident was raised in this run.")
                : SlaAttainmentChart.Render(run.Summary.SlaBySeverity));

    /// <summary>A section with an id (a stable anchor for links and tests) and a heading;
    /// <paramref name="body"/> is markup already encoded.</summary>
    private static void Section(StringBuilder html, string id, string heading, string body) =>
        html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(ReportFormat.Encode(heading)).Append("</h2>\n")
            .Append(body).Append("</section>\n");

    internal static string Note(string text) => $"<p class=\"muted\">{ReportFormat.Encode(text)}</p>\n";
}
