using System.Globalization;
using Malaysia.Ops.Domain.Forecast;
using Malaysia.Ops.Domain.HandoffScoring;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator;

/// <summary>The run's figures as a terminal summary.</summary>
public static class SummaryPrinter
{
    /// <summary>The summary; wall-clock latencies only for a run on the wall clock (in virtual
    /// time there is no wall time: those figures equal the simulated ones).</summary>
    public static string Format(RunReport report, bool wallClock)
    {
        var run = report.Run;
        var s = run.Summary;
        var text = new System.Text.StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"");
        Line($"Run {report.Scenario.Name} (seed {report.Scenario.Seed}): {report.Scenario.Start:yyyy-MM-dd HH:mm}Z to {report.Scenario.End:yyyy-MM-dd HH:mm}Z");
        Line($"  Incidents   raised {s.IncidentsRaised}, resolved {s.IncidentsResolved}, open {s.IncidentsOpen}");
        Line($"              arrived in a coverage gap {s.IncidentsArrivedInCoverageGap}, changed hands more than once {s.IncidentsHandedOverMoreThanOnce}");
        Line($"              escalated before an acknowledgement breach: to another desk {s.IncidentsEscalatedToAnotherDesk}, paged {s.IncidentsPaged}");
        Line($"  Workloads   submitted {s.WorkloadsSubmitted}, completed {s.WorkloadsCompleted}, failed {s.WorkloadsFailed} (each failure raised an incident); capacity requests to the cluster desk {s.CapacityRequests}");
        Line($"  Help        asked of another desk {s.CrossDeskAssists}, outside the operation (remote hands, the customer) {s.ExternalAssists}; wait p50 {Minutes(s.AssistWaitMinutes?.P50)}, p95 {Minutes(s.AssistWaitMinutes?.P95)} min");
        var directions = string.Join(", ", s.HandoffsByDirection.Select(d => $"{d.Key} {d.Value}"));
        Line($"  Handoffs    {s.Handoffs} ({directions}); completed {s.HandoffsCompleted}, escalated {s.HandoffsEscalated}");
        Line($"              items handed over {s.HandoffItems}, escalated {s.HandoffItemsEscalated}; context missing {s.HandoffOmissions} (queried {s.HandoffQueries}, surprises {s.HandoffSurprises})");
        Line($"              {HandoffScores(report)}");
        Line($"  Coverage    gaps {Hours(run.Coverage.GapHours)} in {run.Coverage.Gaps.Count} stretch(es), overlaps {Hours(run.Coverage.OverlapHours)}");
        if (report.Forecast is { } forecast)
        {
            Line($"  Forecast    {Forecast(forecast)}");
        }

        Line($"  Cost        {run.CostPerDay:0} a day ({string.Join(", ", run.Desks.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Id} {d.CostPerDay:0}")))})");
        var sla = string.Join(", ", s.SlaBySeverity.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key} {x.Value.AcknowledgedInTime:0%}/{x.Value.ResolvedInTime:0%} of {x.Value.Incidents}")));
        Line($"  SLA         acknowledged/resolved in time: {sla}");
        if (run.Measures is { } measures)
        {
            Measured(text, measures);
        }

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

    /// <summary>Utilisation and queue wait overall, then per desk and shift, and each desk's
    /// interruptions by its local time.</summary>
    private static void Measured(System.Text.StringBuilder text, OperationMeasures m)
    {
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        var wait = m.QueueWait;
        Line($"  Desks       utilisation {Share(m.Utilisation)}; queue wait (raised to work start) p50 {Decimal(wait.P50)}, p95 {Decimal(wait.P95)}, mean {Decimal(wait.Mean)} min over {wait.Count} started, {m.StillWaitingAtEnd} still waiting at the end");
        Line($"");
        Line($"  Desk and shift           staffed h   busy h   util  wait n      p50      p95     mean");
        foreach (var shift in m.Shifts)
        {
            var w = shift.QueueWait;
            Line($"  {shift.DeskId + " " + shift.Shift,-23}{shift.StaffedEngineerHours,10:0.0}{shift.BusyEngineerHours,9:0.0}{Share(shift.Utilisation),7}{w.Count,8} {Cell(w.P50)} {Cell(w.P95)} {Cell(w.Mean)}");
        }

        Line($"");
        Line($"  Interruptions, local     business      off    sleep    pages  at night");
        foreach (var desk in m.Interruptions)
        {
            Line($"  {desk.DeskId,-23}{desk.BusinessHours,9}{desk.OffHours,9}{desk.SleepHours,9}{desk.Pages,9}{desk.PagesAtNight,10}");
        }
    }

    private static string Share(double? value) => value is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : "-";

    private static string Decimal(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    /// <summary>The run's mean handoff quality score, then each compared topology's.</summary>
    private static string HandoffScores(RunReport report)
    {
        var scored = report.Run.Handoffs.Count(h => h.Score is not null);
        var compared = report.Comparison.Select(t => $"{t.Name} {Score(t.MeanHandoffScore)}").ToList();
        return $"quality score mean {Score(report.Run.MeanHandoffScore)} over {scored} scored"
            + (compared.Count == 0 ? string.Empty : $"; compared: {string.Join(", ", compared)}");
    }

    /// <summary>How many weeks change coverage and the dates of the first few changes; the
    /// whole list is in the report.</summary>
    private static string Forecast(IReadOnlyList<ForecastWeek> weeks)
    {
        const int Shown = 4;
        var changes = weeks.SelectMany(w => w.Changes).ToList();
        var first = string.Join(", ", changes.Take(Shown).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Date:yyyy-MM-dd} {c.DeskId} {(c.Kind == CoverageChangeKind.DaylightSaving ? "clock change" : "holiday")}")));
        return weeks.Count == 0
            ? "no clock change or holiday changes coverage in the next 52 weeks"
            : $"{weeks.Count} of the next 52 weeks change coverage: {first}{(changes.Count > Shown ? ", ..." : string.Empty)}";
    }

    private static string Score(double? score) => score is { } v ? HandoffScorer.Label(v) : "-";

    private static void Row(System.Text.StringBuilder text, string label, LatencyFigures figures) =>
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-27}{figures.Count,4} {Cell(figures.P50)} {Cell(figures.P95)} {Cell(figures.Max)}"));

    private static string Minutes(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static string Cell(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(8) : "       -";

    private static string Hours(double hours) => string.Create(CultureInfo.InvariantCulture, $"{(int)hours} h {(int)Math.Round((hours - (int)hours) * 60):00} min");
}
