using Malaysia.Ops.Domain.HandoffScoring;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The handoff quality score in report.json, report.html and the terminal summary of a
/// known run (<see cref="SampleRunReport"/>): per handoff and as each topology's mean.</summary>
public sealed class HandoffScoreReportSpecs
{
    [Fact]
    public void Every_closed_handoff_has_a_score_and_the_escalated_one_scores_lower()
    {
        var run = SampleRunReport.Create().Run;

        Assert.All(run.Handoffs, h => Assert.NotNull(h.Score));
        var escalated = run.Handoffs.Single(h => h.Status == "Escalated");
        Assert.True(escalated.Score < run.Handoffs.Where(h => h.Status == "Completed").Min(h => h.Score));
        Assert.Equal(0, escalated.ScoreParts!.Latency);
        Assert.Equal(Math.Round(run.Handoffs.Average(h => h.Score!.Value), 1), run.MeanHandoffScore);
    }

    [Fact]
    public void Topologies_compared_on_the_same_stream_carry_their_own_mean()
    {
        var report = SampleRunReport.Create();

        Assert.All(report.Comparison, t => Assert.Equal(Math.Round(t.Handoffs.Average(h => h.Score!.Value), 1), t.MeanHandoffScore));
    }

    [Fact]
    public void The_json_report_writes_score_band_parts_and_the_mean()
    {
        var json = ReportJson.Serialize(SampleRunReport.Create());

        Assert.Contains("\"score\": 100,", json, StringComparison.Ordinal);
        Assert.Contains("\"band\": \"Great\"", json, StringComparison.Ordinal);
        Assert.Contains("\"scoreParts\": {\n", json, StringComparison.Ordinal);
        Assert.Contains("\"omissionsSurfaced\": 25", json, StringComparison.Ordinal);
        Assert.Contains("\"meanHandoffScore\": ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_shows_each_handoffs_score_and_each_topologys_mean()
    {
        var report = SampleRunReport.Create();
        var html = ReportHtml.Render(report);

        Assert.Contains("Quality score", html, StringComparison.Ordinal);
        Assert.Contains("Mean handoff score", html, StringComparison.Ordinal);
        Assert.Contains(HandoffScorer.Label(report.Run.MeanHandoffScore!.Value), html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_has_one_line_with_the_run_mean_and_each_compared_topologys()
    {
        var report = SampleRunReport.Create();

        var line = Assert.Single(SummaryPrinter.Format(report, wallClock: false).Split('\n'), l => l.Contains("quality score mean", StringComparison.Ordinal));

        Assert.Contains(HandoffScorer.Label(report.Run.MeanHandoffScore!.Value), line, StringComparison.Ordinal);
        Assert.Contains($"us-early {HandoffScorer.Label(report.Comparison[0].MeanHandoffScore!.Value)}", line, StringComparison.Ordinal);
    }
}
