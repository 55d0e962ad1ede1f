using System.Globalization;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Domain.Staffing;
using Malaysia.Ops.Scenarios;

namespace Malaysia.Ops.Simulator;

/// <summary>
/// The solve command's work: Erlang C's estimate for each desk's shift, then the
/// <see cref="StaffingSolver"/>'s search, each staffing it tries simulated as
/// <paramref name="replications"/> replications of the scenario in virtual time on the direct
/// engine (<see cref="ReplicationRunner"/>: in parallel, the same seeds for every staffing). The
/// report is the replicated report of the staffing found, with the solution beside it.
/// </summary>
public sealed class StaffingRunner(Scenario scenario, int replications, TextWriter output, int? degreeOfParallelism = null)
{
    private readonly Dictionary<string, RunReport> reports = new(StringComparer.Ordinal);

    /// <exception cref="ScenarioException">The scenario sets no attainment to solve for, or
    /// targets no staffing meets.</exception>
    public RunReport Solve(CancellationToken cancellationToken)
    {
        if (scenario.StaffingTargets is not { HasGoals: true } targets)
        {
            throw new ScenarioException($"{scenario.Name}: its serviceLevels give no attainment to solve for (e.g. Sev1: {{ acknowledgeMinutes: 15, resolveMinutes: 240, attainment: 0.95 }}; see docs/staffing.md)");
        }

        var levels = scenario.ServiceLevels ?? ServiceLevels.Default;
        if (ErlangCEstimate.OutOfReach(targets, levels, IncidentCatalogue.Default) is { Count: > 0 } problems)
        {
            throw new ScenarioException(problems.Select(p => $"{scenario.Name}: serviceLevels.{p}").ToList());
        }

        IReadOnlyList<ShiftStaffing> shifts;
        try
        {
            shifts = ErlangCEstimate.Of(scenario, scenario.Desks, targets, levels, IncidentCatalogue.Default);
        }
        catch (ArgumentException e)
        {
            throw new ScenarioException($"{scenario.Name}: {e.Message}");
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Solving the staffing of {scenario.Name} ({string.Join(", ", shifts.Select(s => $"{s.DeskId} {s.Shift}"))}): {replications} replications of {scenario.Days:0.##} day(s) for each staffing, from Erlang C's estimate {Staffing(shifts.Select(s => s.ErlangC).ToList())}"));

        var solver = new StaffingSolver(shifts, StaffingGoal.Of(targets), targets.Shrinkage, CostPerDay, engineers => Simulate(engineers, cancellationToken));
        var solution = solver.Solve();
        return reports[Key(solution.Solved.Engineers)] with { Staffing = StaffingReport.Of(solution, targets, replications) };
    }

    private IReadOnlyDictionary<string, Domain.Statistics.Estimate> Simulate(IReadOnlyList<int> engineers, CancellationToken cancellationToken)
    {
        var staffed = scenario with { Desks = Staffed(scenario.Desks, engineers), Compare = [] };

        // The solver's search is synchronous; each of its steps runs the replications in parallel.
        var report = new ReplicationRunner(staffed, replications, TextWriter.Null, degreeOfParallelism: degreeOfParallelism)
            .RunAsync(compare: false, cancellationToken).GetAwaiter().GetResult();
        reports[Key(engineers)] = report;
        output.WriteLine($"  simulated {Staffing(engineers)} engineers working");
        return report.Replications!.Run;
    }

    private double CostPerDay(IReadOnlyList<int> rostered)
    {
        var desks = Staffed(scenario.Desks, rostered);
        return StaffingCost.Of(desks, DeskPlanRoster.Of(desks), scenario.Start, scenario.End).Sum(c => c.Cost) / scenario.Days;
    }

    /// <summary>The desks with <paramref name="engineers"/> on their shifts, desk by desk and
    /// shift by shift in the scenario's order.</summary>
    private static List<DeskPlan> Staffed(IReadOnlyList<DeskPlan> desks, IReadOnlyList<int> engineers)
    {
        var next = 0;
        return desks.Select(desk =>
        {
            var byShift = engineers.Skip(next).Take(desk.Shifts.Count).ToList();
            next += desk.Shifts.Count;
            return desk with { Engineers = byShift.Max(), EngineersByShift = byShift };
        }).ToList();
    }

    private static string Staffing(IReadOnlyList<int> engineers) => string.Join('/', engineers);

    private static string Key(IReadOnlyList<int> engineers) => string.Join(',', engineers);
}
