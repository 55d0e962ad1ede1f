using Malaysia.Ops.Domain.Forecast;
using Malaysia.Ops.Domain.HandoffScoring;
using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>The tables of report.html: every handoff, every desk, and the topologies side by
/// side. Figures a reader compares down a column are right-aligned.</summary>
internal static class ReportTables
{
    private const string HandoffEscalated = "Escalated";

    public static string Handoffs(IReadOnlyList<HandoffLine> handoffs)
    {
        var table = new HtmlTable(
        [
            new("Handoff"),
            new("Direction"),
            new("Shift ends"),
            new("Status"),
            new("Items", Numeric: true),
            new("Escalated", Numeric: true),
            new("Context missing", Numeric: true),
            new("Queried", Numeric: true),
            new("Surprises", Numeric: true),
            new("p50 latency (min)", Numeric: true),
            new("Max latency (min)", Numeric: true),
            new("Quality score", Numeric: true),
        ]);
        foreach (var handoff in handoffs)
        {
            table.Add(null,
            [
                new(handoff.HandoffId),
                new(ReportFormat.Direction(handoff.Direction)),
                new(ReportFormat.Utc(handoff.ShiftEndsAt)),
                new(handoff.Status, Warning: handoff.Status == HandoffEscalated),
                new(ReportFormat.Count(handoff.Items)),
                new(ReportFormat.Count(handoff.ItemsEscalated), Warning: handoff.ItemsEscalated > 0),
                new(ReportFormat.Count(handoff.Omissions)),
                new(ReportFormat.Count(handoff.Queries)),
                new(ReportFormat.Count(handoff.Surprises), Warning: handoff.Surprises > 0),
                new(ReportFormat.Minutes(handoff.LatencyP50SimulatedMinutes)),
                new(ReportFormat.Minutes(handoff.LatencyMaxSimulatedMinutes)),
                new(ReportFormat.Score(handoff.Score), Warning: handoff.Band is HandoffBand.Bad or HandoffBand.Low),
            ]);
        }

        return table.ToString();
    }

    public static string Desks(IReadOnlyList<DeskReport> desks)
    {
        var table = new HtmlTable(
        [
            new("Desk"),
            new("Name"),
            new("Time zone"),
            new("Shifts (local)"),
            new("Engineers", Numeric: true),
            new("Engineer-hours", Numeric: true),
            new("Cost", Numeric: true),
            new("Cost per day", Numeric: true),
            new("Resolved", Numeric: true),
        ]);
        foreach (var desk in desks)
        {
            table.Add(
                desk.Id,
                desk.Name,
                desk.TimeZone,
                string.Join(", ", desk.Shifts),
                ReportFormat.Count(desk.Engineers),
                ReportFormat.Number(desk.EngineerHours),
                ReportFormat.Money(desk.Cost),
                ReportFormat.Money(desk.CostPerDay),
                ReportFormat.Count(desk.IncidentsResolved));
        }

        return table.ToString();
    }

    /// <summary>The run's topology first (highlighted), then each compared topology, with one
    /// resolved-in-time column per severity any of them saw.</summary>
    public static string Comparison(TopologyReport run, IReadOnlyList<TopologyReport> comparison)
    {
        var topologies = comparison.Prepend(run).ToList();
        var severities = topologies.SelectMany(t => t.Summary.SlaBySeverity.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new HtmlTable(
        [
            new("Topology"),
            new("Description", Prose: true),
            new("Cost per day", Numeric: true),
            .. severities.Select(s => new TableColumn(s, Numeric: true, Group: "Resolved in time")),
            new("Handoffs", Numeric: true),
            new("p50", Numeric: true, Group: "Item latency (min)"),
            new("p95", Numeric: true, Group: "Item latency (min)"),
            new("Hours", Numeric: true, Group: "Nobody on duty"),
            new("Incidents", Numeric: true, Group: "Nobody on duty"),
            new("Mean handoff score", Numeric: true),
        ]);
        foreach (var topology in topologies)
        {
            var isRun = ReferenceEquals(topology, run);
            table.Add(isRun ? "this-run" : null,
            [
                new(isRun ? $"{topology.Name} (this run)" : topology.Name),
                new(topology.Description),
                new(ReportFormat.Money(topology.CostPerDay)),
                .. severities.Select(s => new TableCell(topology.Summary.SlaBySeverity.TryGetValue(s, out var sla) ? ReportFormat.Percent(sla.ResolvedInTime) : ReportFormat.None)),
                new(ReportFormat.Count(topology.Summary.Handoffs)),
                new(ReportFormat.Minutes(topology.Summary.ItemLatencySimulatedMinutes.P50)),
                new(ReportFormat.Minutes(topology.Summary.ItemLatencySimulatedMinutes.P95)),
                new(ReportFormat.Number(topology.Coverage.GapHours)),
                new(ReportFormat.Count(topology.Coverage.IncidentsArrivedInGap), Warning: topology.Coverage.IncidentsArrivedInGap > 0),
                new(ReportFormat.Score(topology.MeanHandoffScore)),
            ]);
        }

        return table.ToString();
    }

    /// <summary>Each change of each forecast week, with its stretches in UTC and in each desk's
    /// local time.</summary>
    public static string Forecast(IReadOnlyList<ForecastWeek> weeks)
    {
        var table = new HtmlTable(
        [
            new("Week of"),
            new("Date"),
            new("Desk"),
            new("Change", Prose: true),
            new("UTC", Prose: true),
            new("Local time", Prose: true),
        ]);
        foreach (var week in weeks)
        {
            foreach (var change in week.Changes)
            {
                table.Add(null,
                [
                    new(ReportFormat.Date(week.Starts)),
                    new(ReportFormat.Date(change.Date)),
                    new(change.DeskId),
                    new(change.What),
                    new(string.Join("; ", change.Stretches.Select(s => $"{s.What} {ReportFormat.Utc(s.From)} – {ReportFormat.Utc(s.To)}")), Warning: change.Stretches.Any(s => s.What == "gap")),
                    new(string.Join("; ", change.Stretches.SelectMany(s => s.Local).Select(ReportFormat.Local))),
                ]);
            }
        }

        return table.ToString();
    }
}
