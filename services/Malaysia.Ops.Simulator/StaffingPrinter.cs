using System.Globalization;
using System.Text;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Simulator;

/// <summary>The solve command's answer as terminal text: the staffing table, the cost per day
/// against the scenario's own staffing, and each goal with what both achieve.</summary>
public static class StaffingPrinter
{
    public static string Format(StaffingReport staffing)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(staffing.Met
            ? "  Cheapest staffing meeting every goal with 95% confidence"
            : "  No staffing tried met every goal with 95% confidence; the last one tried");
        text.AppendLine("  desk   shift          now (working)  peak/h  Erlang C  working  rostered");
        foreach (var shift in staffing.Shifts)
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {shift.DeskId,-6} {shift.Shift,-13} {shift.CurrentRostered,4} ({shift.CurrentWorking,3})    {shift.PeakIncidentsPerHour,6:0.0}  {shift.ErlangC,8}  {shift.Working,7}  {shift.Rostered,8}"));
        }

        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  cost per day: {ReportFormat.Money(staffing.CurrentCostPerDay)} now, {ReportFormat.Money(staffing.SolvedCostPerDay)} solved ({Change(staffing)}); shrinkage {staffing.Shrinkage:0.##}, max occupancy {staffing.MaxOccupancy:0.##}"));
        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {staffing.StaffingsSimulated} staffings simulated, {staffing.Replications} replications each; mean ± half-width of the 95% interval (sd)"));
        text.AppendLine("  goal                                    now                        solved");
        foreach (var goal in staffing.Goals)
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {FigureText.Label(goal.Figure) + " ≥ " + ReportFormat.Percent(goal.AtLeast),-38}  {Estimate(goal.Figure, goal.Current),-25}  {Estimate(goal.Figure, goal.Solved)}{(goal.Met ? string.Empty : "  (not met)")}"));
        }

        return text.ToString();
    }

    /// <summary>"-12.5%": the solved roster's cost against the scenario's.</summary>
    public static string Change(StaffingReport staffing) => staffing.CurrentCostPerDay == 0
        ? "no cost before"
        : ((staffing.SolvedCostPerDay / staffing.CurrentCostPerDay) - 1).ToString("+0.#%;-0.#%;0%", CultureInfo.InvariantCulture);

    private static string Estimate(string figure, Domain.Statistics.Estimate? estimate) =>
        estimate is { } e ? FigureText.Estimate(figure, e) : "no incident";
}
