using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>report.html and report.json of a known run (<see cref="SampleRunReport"/>).</summary>
public sealed partial class ReportRenderingSpecs
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly string[] SectionsInOrder = ["scenario", "summary", "coverage", "latency", "open-incidents", "sla", "handoffs", "desks", "shifts", "comparison"];

    [Fact]
    public void The_sample_run_has_a_noon_gap_an_escalated_handoff_and_open_incidents()
    {
        var run = SampleRunReport.Create().Run;

        Assert.Equal(2, run.Coverage.GapHours);
        Assert.Equal(2, run.Coverage.IncidentsArrivedInGap);
        Assert.Equal([new HourRange(12, 13)], run.DayStrip.Single(s => s.DeskId == "gap").OnDuty);
        Assert.Equal(14, run.Summary.IncidentsRaised);
        Assert.Equal(2, run.Summary.IncidentsOpen);
        Assert.Equal(4, run.Summary.Handoffs);
        Assert.Equal(1, run.Summary.HandoffsEscalated);
        Assert.Equal(["my->us", "us->my"], run.ItemLatencyByDirection.Select(h => h.Direction));
    }

    [Fact]
    public void Rendering_a_report_twice_gives_the_same_bytes()
    {
        var first = ReportHtml.Render(SampleRunReport.Create());
        var second = ReportHtml.Render(SampleRunReport.Create());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Numbers_and_dates_do_not_follow_the_machine_culture()
    {
        var report = SampleRunReport.Create();
        var invariant = ReportHtml.Render(report);
        var culture = CultureInfo.CurrentCulture;
        string german;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            german = ReportHtml.Render(report);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(invariant, german);
    }

    [Fact]
    public void Every_section_is_there_in_order()
    {
        var html = ReportHtml.Render(SampleRunReport.Create());

        var positions = SectionsInOrder.Select(id => html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)).ToList();

        Assert.All(positions.Zip(SectionsInOrder), p => Assert.True(p.First >= 0, $"no section '{p.Second}'"));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void The_page_fetches_nothing_and_runs_nothing()
    {
        var html = ReportHtml.Render(SampleRunReport.Create());

        var urls = Url().Matches(html).Select(m => m.Value).ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.Equal(SvgNamespace, url));
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_from_the_scenario_is_encoded()
    {
        var report = SampleRunReport.Create();
        report = report with { Scenario = report.Scenario with { Description = "<script>alert('gap')</script> & \"more\"" } };

        var html = ReportHtml.Render(report);

        Assert.Contains("&lt;script&gt;alert(&#39;gap&#39;)&lt;/script&gt; &amp; &quot;more&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_chart_has_a_title_and_a_description()
    {
        var html = ReportHtml.Render(SampleRunReport.Create());

        var charts = Chart().Matches(html);

        // Coverage, two latency histograms, open incidents, SLA, cost per day.
        Assert.Equal(6, charts.Count);
        Assert.All(charts, chart =>
        {
            var id = chart.Groups["id"].Value;
            Assert.Contains($"aria-labelledby=\"{id}-title {id}-desc\"", chart.Value, StringComparison.Ordinal);
            Assert.Contains($"<title id=\"{id}-title\">", chart.Value, StringComparison.Ordinal);
            Assert.Contains($"<desc id=\"{id}-desc\">", chart.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_coverage_strip_shows_the_gap_in_the_warning_colour()
    {
        var html = ReportHtml.Render(SampleRunReport.Create());

        var coverage = Chart().Matches(html).Single(c => c.Groups["id"].Value == "coverage-chart").Value;

        Assert.Contains("nobody on duty", coverage, StringComparison.Ordinal);
        Assert.Contains("class=\"gap\"><title>nobody on duty: 12:00–13:00 UTC</title>", coverage, StringComparison.Ordinal);
        Assert.Contains("us (New York): 00:00–01:00, 13:00–24:00 UTC.", coverage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_latency_histograms_label_their_buckets_up_to_an_open_last_one()
    {
        var html = ReportHtml.Render(SampleRunReport.Create());

        Assert.Contains(">0–5</text>", html, StringComparison.Ordinal);
        Assert.Contains(">55–60</text>", html, StringComparison.Ordinal);
        Assert.Contains(">60+</text>", html, StringComparison.Ordinal);
        Assert.Contains("my → us: 4 item(s)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_comparison_appears_only_when_there_is_something_to_compare()
    {
        var report = SampleRunReport.Create();

        var compared = ReportHtml.Render(report);
        var alone = ReportHtml.Render(report with { Comparison = [] });

        Assert.Contains("id=\"comparison\"", compared, StringComparison.Ordinal);
        Assert.Contains("three-sites", compared, StringComparison.Ordinal);
        Assert.Contains("id=\"cost-chart\"", compared, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comparison\"", alone, StringComparison.Ordinal);
        Assert.DoesNotContain("three-sites", alone, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cost-chart\"", alone, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_reads_back_to_the_same_figures_and_bytes()
    {
        var report = SampleRunReport.Create();
        var json = ReportJson.Serialize(report);

        var back = JsonSerializer.Deserialize<RunReport>(json, ReportJson.Options)!;

        Assert.Equal(report.Scenario, back.Scenario);
        var (summary, read) = (report.Run.Summary, back.Run.Summary);
        Assert.Equal(
            (summary.IncidentsRaised, summary.IncidentsResolved, summary.IncidentsOpen, summary.IncidentsArrivedInCoverageGap, summary.Handoffs, summary.HandoffsCompleted, summary.HandoffsEscalated, summary.HandoffItems),
            (read.IncidentsRaised, read.IncidentsResolved, read.IncidentsOpen, read.IncidentsArrivedInCoverageGap, read.Handoffs, read.HandoffsCompleted, read.HandoffsEscalated, read.HandoffItems));
        Assert.Equal(summary.ItemLatencySimulatedMinutes, read.ItemLatencySimulatedMinutes);
        Assert.Equal(summary.SlaBySeverity, read.SlaBySeverity);
        Assert.Equal(report.Run.Handoffs, back.Run.Handoffs);
        Assert.Equal(report.Comparison.Select(c => c.CostPerDay), back.Comparison.Select(c => c.CostPerDay));
        Assert.Equal(json, ReportJson.Serialize(back));
    }

    [Fact]
    public void The_json_report_is_camel_case_and_readable_with_iso_instants()
    {
        var json = ReportJson.Serialize(SampleRunReport.Create());

        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"scenario\": {\n", json, StringComparison.Ordinal);
        Assert.Contains("\"start\": \"2026-01-12T00:00:00+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"incidentsArrivedInCoverageGap\": 2", json, StringComparison.Ordinal);
        Assert.Contains("\"itemLatencyByDirection\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Escalated\"", json, StringComparison.Ordinal);
        Assert.Contains("\"direction\": \"my->us\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SchemaVersion\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_wait_and_interruptions_by_local_time_are_in_the_report_and_on_the_page()
    {
        var report = SampleRunReport.Create();
        var measures = report.Run.Measures!;

        // Each incident's work starts five minutes after its acknowledgement.
        Assert.Equal(new QueueWaitFigures(14, 15, 40, 17.71), measures.QueueWait);
        Assert.Equal(
            [new DeskInterruptions("us", 5, 2, 0, 0, 0), new DeskInterruptions("my", 3, 4, 0, 0, 0)],
            measures.Interruptions);

        var json = ReportJson.Serialize(report);
        Assert.Contains("\"queueWait\": {\n        \"count\": 14,", json, StringComparison.Ordinal);
        var html = ReportHtml.Render(report);
        Assert.Contains("Utilisation, queue wait and interruptions", html, StringComparison.Ordinal);
        Assert.Contains("<td>us</td><td>08:00-20:00</td>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("https?://[^\"'\\s)<>]*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex("<svg [^>]*id=\"(?<id>[^\"]+)\"[\\s\\S]*?</svg>")]
    private static partial Regex Chart();
}
