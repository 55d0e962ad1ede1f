using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>The solve command's part of report.html: the staffing table, the cost per day
/// against the scenario's own staffing, and each goal with both staffings' 95% intervals, as a
/// table and as error bars.</summary>
internal static class StaffingHtml
{
    public static string Render(StaffingReport staffing)
    {
        var shifts = new HtmlTable(
        [
            new("Desk"),
            new("Shift"),
            new("Rostered", Numeric: true, Group: "Now"),
            new("Working", Numeric: true, Group: "Now"),
            new("Busiest hour, incidents", Numeric: true),
            new("Erlang C, working", Numeric: true),
            new("Working", Numeric: true, Group: "Solved"),
            new("Rostered", Numeric: true, Group: "Solved"),
        ]);
        foreach (var shift in staffing.Shifts)
        {
            shifts.Add(
                shift.DeskId,
                shift.Shift,
                ReportFormat.Count(shift.CurrentRostered),
                ReportFormat.Count(shift.CurrentWorking),
                ReportFormat.Number(shift.PeakIncidentsPerHour),
                ReportFormat.Count(shift.ErlangC),
                ReportFormat.Count(shift.Working),
                ReportFormat.Count(shift.Rostered));
        }

        var goals = new HtmlTable([new("Goal"), new("At least", Numeric: true), new("Now", Numeric: true), new("Solved", Numeric: true), new("Met")]);
        foreach (var goal in staffing.Goals)
        {
            goals.Add(
                FigureText.Label(goal.Figure),
                ReportFormat.Percent(goal.AtLeast),
                Estimate(goal.Figure, goal.Current),
                Estimate(goal.Figure, goal.Solved),
                goal.Met ? "yes" : "no");
        }

        var bars = staffing.Goals
            .SelectMany(goal => new[] { ("now: " + FigureText.Label(goal.Figure), goal.Current), ("solved: " + FigureText.Label(goal.Figure), goal.Solved) })
            .Where(bar => bar.Item2 is not null)
            .Select(bar => (bar.Item1, bar.Item2!))
            .ToList();
        var verdict = staffing.Met
            ? "The cheapest staffing found that meets every goal with 95% confidence (the low end of each interval at or above the goal)."
            : "No staffing tried met every goal with 95% confidence; this is the last one tried.";
        return ReportHtml.Note($"{verdict} {ReportFormat.Count(staffing.StaffingsSimulated)} staffings simulated, {ReportFormat.Count(staffing.Replications)} replications each; "
                + $"shrinkage {ReportFormat.Number(staffing.Shrinkage)}, maximum occupancy {ReportFormat.Number(staffing.MaxOccupancy)}. "
                + $"Cost per day {ReportFormat.Money(staffing.CurrentCostPerDay)} now, {ReportFormat.Money(staffing.SolvedCostPerDay)} solved ({StaffingPrinter.Change(staffing)}).")
            + shifts
            + "<h3>Goals, 95% intervals</h3>\n"
            + goals
            + IntervalChart.Render(
                "staffing-interval-chart",
                "Each goal's figure with its 95% interval, now and solved",
                bars,
                ReportFormat.Percent,
                e => FigureText.Estimate(HeadlineFigures.ResolvedInTime, e),
                zeroLine: false,
                domain: (0, 1));
    }

    private static string Estimate(string figure, Domain.Statistics.Estimate? estimate) =>
        estimate is { } e ? FigureText.Estimate(figure, e) : "no incident";
}
