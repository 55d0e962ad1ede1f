using Malaysia.Ops.Domain.Staffing;
using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Domain.Reporting;

/// <summary>
/// What the staffing solver found, as report.json carries it (docs/report.md): each desk's
/// shift with the scenario's engineers, Erlang C's estimate and the solved engineers (working
/// incidents, and rostered after shrinkage); the cost per day of both rosters; each goal with
/// the figure achieved by both, as mean and 95% interval across the replications.
/// </summary>
public sealed record StaffingReport(
    int Replications,
    double MaxOccupancy,
    double Shrinkage,
    bool Met,
    int StaffingsSimulated,
    double CurrentCostPerDay,
    double SolvedCostPerDay,
    IReadOnlyList<StaffedShift> Shifts,
    IReadOnlyList<StaffingGoalReport> Goals)
{
    public static StaffingReport Of(StaffingSolution solution, StaffingTargets targets, int replications) => new(
        replications,
        targets.MaxOccupancy,
        targets.Shrinkage,
        solution.Met,
        solution.Simulated,
        Math.Round(solution.Current.CostPerDay, 2),
        Math.Round(solution.Solved.CostPerDay, 2),
        solution.Shifts.Select((shift, i) => new StaffedShift(
            shift.DeskId,
            shift.Shift,
            shift.Current,
            solution.Current.Engineers[i],
            Math.Round(shift.PeakIncidentsPerHour, 3),
            shift.ErlangC,
            solution.Solved.Engineers[i],
            solution.Solved.Rostered[i])).ToList(),
        solution.Goals.Select(goal => new StaffingGoalReport(
            goal.Figure,
            goal.AtLeast,
            solution.Current.Figures.GetValueOrDefault(goal.Figure),
            solution.Solved.Figures.GetValueOrDefault(goal.Figure),
            goal.MetBy(solution.Solved.Figures))).ToList());
}

/// <summary>One desk's shift: engineers the scenario rosters and how many of them work
/// incidents after shrinkage, the busiest hour's incidents, Erlang C's engineers for that hour
/// (working), and the solution's engineers working and rostered.</summary>
public sealed record StaffedShift(
    string DeskId,
    string Shift,
    int CurrentRostered,
    int CurrentWorking,
    double PeakIncidentsPerHour,
    int ErlangC,
    int Working,
    int Rostered);

/// <summary>A goal and the figure achieved by the scenario's staffing and by the solution (null
/// when no replication had an incident to measure it by).</summary>
public sealed record StaffingGoalReport(string Figure, double AtLeast, Estimate? Current, Estimate? Solved, bool Met);
