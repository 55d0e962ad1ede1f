using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Queueing;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Staffing;

/// <summary>
/// Erlang C's staffing for each desk's shift: every hour of the first week of the run, the
/// incidents arriving then (the scenario's rate at the middle of the hour plus its bursts on
/// average) go to the desk follow-the-sun routing gives them, whose engineers are one M/M/c
/// queue with the catalogue's mean work. An hour needs the fewest engineers, within the maximum
/// occupancy, that take up each severity's share within its acknowledgement target and finish
/// it within its resolution target; a shift needs what its busiest hour needs. Handoffs,
/// skills and assists are left to the simulation that checks the estimate.
/// </summary>
public static class ErlangCEstimate
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Targets no number of engineers meets because the work alone takes longer than
    /// the resolution target too often: "Sev1: resolving 95% within 240 min is out of reach:
    /// its work alone (120 min on average) takes longer in 13.5% of cases".</summary>
    public static IReadOnlyList<string> OutOfReach(StaffingTargets targets, ServiceLevels levels, IncidentCatalogue catalogue)
    {
        var work = MeanWorkMinutes(catalogue);
        return targets.Attainment
            .OrderBy(goal => goal.Key)
            .Select(goal => (goal, mean: work.BySeverity.GetValueOrDefault(goal.Key, work.Overall), within: levels.For(goal.Key).ResolveWithin.TotalMinutes))
            .Where(g => 1 - Math.Exp(-g.within / g.mean) < g.goal.Value)
            .Select(g => string.Create(
                CultureInfo.InvariantCulture,
                $"{g.goal.Key}: resolving {g.goal.Value:0.##%} within {g.within:0.##} min is out of reach: its work alone ({g.mean:0.#} min on average, exponential) takes longer in {Math.Exp(-g.within / g.mean):0.#%} of cases"))
            .ToList();
    }

    /// <exception cref="ArgumentException">An hour needs more than
    /// <see cref="ErlangCStaffing.MostEngineers"/> engineers.</exception>
    public static IReadOnlyList<ShiftStaffing> Of(Scenario scenario, IReadOnlyList<DeskPlan> desks, StaffingTargets targets, ServiceLevels levels, IncidentCatalogue catalogue)
    {
        var roster = DeskPlanRoster.Of(desks);
        var rate = new ArrivalRate(scenario.Arrivals);
        var bursts = scenario.Arrivals.Bursts is { } b ? b.PerDay * b.Incidents / 24 : 0;
        var work = MeanWorkMinutes(catalogue);
        var servicesPerHour = 60 / work.Overall;
        var needed = new Dictionary<(string Desk, int Shift), (int Engineers, double Rate)>();
        var weekEnd = scenario.Start + TimeSpan.FromDays(Math.Min(7, scenario.Days));
        for (var hour = scenario.Start; hour < weekEnd; hour += Hour)
        {
            var middle = hour + (Hour / 2);
            var route = roster.Route(middle);
            if (route.InCoverageGap)
            {
                continue;
            }

            var plan = desks.First(d => string.Equals(d.Id, route.DeskId, StringComparison.OrdinalIgnoreCase));
            var shift = StaffingCost.IndexOf(roster.Desk(plan.Id).Shifts, route.Shift.Pattern);
            var arrivals = rate.At(middle) + bursts;
            var servers = ErlangCStaffing.Engineers(arrivals, servicesPerHour, targets.MaxOccupancy, c => Meets(arrivals, servicesPerHour, c, targets, levels, work));
            var engineers = (servers + plan.IncidentsPerEngineer - 1) / plan.IncidentsPerEngineer;
            var key = (plan.Id, shift);
            var before = needed.GetValueOrDefault(key);
            needed[key] = (Math.Max(before.Engineers, engineers), Math.Max(before.Rate, arrivals));
        }

        return desks.SelectMany(plan => plan.Shifts.Select((text, i) =>
        {
            var (engineers, peak) = needed.GetValueOrDefault((plan.Id, i));
            return new ShiftStaffing(plan.Id, i, text, plan.EngineersOn(i), engineers, peak);
        })).ToList();
    }

    /// <summary>Every severity with a share to meet takes up that share within its
    /// acknowledgement target and finishes it within its resolution target.</summary>
    private static bool Meets(double arrivals, double servicesPerHour, int servers, StaffingTargets targets, ServiceLevels levels, MeanWork work) =>
        targets.Attainment.All(goal =>
        {
            var level = levels.For(goal.Key);
            var ownRate = 60 / work.BySeverity.GetValueOrDefault(goal.Key, work.Overall);
            return ErlangC.ServiceLevel(arrivals, servicesPerHour, servers, level.AcknowledgeWithin.TotalHours) >= goal.Value
                && ErlangC.FinishedWithin(arrivals, servicesPerHour, servers, level.ResolveWithin.TotalHours, ownRate) >= goal.Value;
        });

    private sealed record MeanWork(double Overall, IReadOnlyDictionary<Severity, double> BySeverity);

    /// <summary>The catalogue's mean work over its whole mix, and within each severity.</summary>
    private static MeanWork MeanWorkMinutes(IncidentCatalogue catalogue)
    {
        var shares = catalogue.Profiles
            .SelectMany(p => p.SeverityMix.Select(mix => (Severity: mix.Key, Share: p.Weight * mix.Value, Minutes: p.MeanWorkMinutes[mix.Key])))
            .ToList();
        var total = shares.Sum(s => s.Share);
        return new MeanWork(
            shares.Sum(s => s.Share * s.Minutes) / total,
            shares.GroupBy(s => s.Severity).ToDictionary(g => g.Key, g => g.Sum(s => s.Share * s.Minutes) / g.Sum(s => s.Share)));
    }
}
