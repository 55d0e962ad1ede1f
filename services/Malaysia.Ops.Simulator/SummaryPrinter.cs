using System.Globalization;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Rosters;

namespace Malaysia.Ops.Simulator;

/// <summary>The run's figures as a terminal summary.</summary>
public static class SummaryPrinter
{
    /// <summary>The summary; wall-clock latencies only for a run on the wall clock (in virtual
    /// time there is no wall time: those figures equal the simulated ones).</summary>
    public static string Format(LedgerSnapshot snapshot, CoverageReport coverage, bool wallClock)
    {
        var s = snapshot.Summary;
        var text = new System.Text.StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"");
        Line($"Run {snapshot.RunId}: {coverage.Period.From:yyyy-MM-dd HH:mm}Z to {coverage.Period.To:yyyy-MM-dd HH:mm}Z");
        Line($"  Incidents   raised {s.IncidentsRaised}, resolved {s.IncidentsResolved}, open {s.IncidentsOpen}");
        Line($"              arrived in a coverage gap {s.IncidentsArrivedInCoverageGap}, changed hands more than once {s.IncidentsHandedOverMoreThanOnce}");
        var directions = string.Join(", ", s.HandoffsByDirection.Select(d => $"{d.Key} {d.Value}"));
        Line($"  Handoffs    {s.Handoffs} ({directions}); completed {s.HandoffsCompleted}, escalated {s.HandoffsEscalated}");
        Line($"              items handed over {s.HandoffItems}, escalated {s.HandoffItemsEscalated}");
        Line($"  Coverage    gaps {Hours(coverage.TotalGap)} in {coverage.Gaps.Count} stretch(es), overlaps {Hours(coverage.TotalOverlap)}");
        var sla = string.Join(", ", s.SlaBySeverity.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key} {x.Value.AcknowledgedInTime:0%}/{x.Value.ResolvedInTime:0%} of {x.Value.Incidents}")));
        Line($"  SLA         acknowledged/resolved in time: {sla}");
        Line($"");
        Line($"  Handoff latency              n      p50      p95      max");
        Row(text, "per handoff, simulated min", s.HandoffLatencySimulatedMinutes);
        if (wallClock)
        {
            Row(text, "per handoff, wall ms", s.HandoffLatencyWallMilliseconds);
        }

        Row(text, "per item, simulated min", s.ItemLatencySimulatedMinutes);
        if (wallClock)
        {
            Row(text, "per item, wall ms", s.ItemLatencyWallMilliseconds);
        }

        return text.ToString();
    }

    private static void Row(System.Text.StringBuilder text, string label, LatencyFigures figures) =>
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-27}{figures.Count,4} {Cell(figures.P50)} {Cell(figures.P95)} {Cell(figures.Max)}"));

    private static string Cell(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(8) : "       -";

    private static string Hours(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min");
}
