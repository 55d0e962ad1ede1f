using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;
using static Malaysia.Ops.Domain.Instants;

namespace Malaysia.Ops.Domain.Staffing;

/// <summary>What one desk's staff cost over a period.</summary>
public sealed record DeskCost(string DeskId, double EngineerHours, double Cost);

/// <summary>
/// What staffing a roster costs: every engineer-hour on duty (each shift with its own staff) at
/// the desk's hourly rate, plus
/// the night premium for hours between 22:00 and 06:00 local time and the weekend premium for
/// local Saturdays and Sundays (the premiums add up when both apply).
/// </summary>
public static class StaffingCost
{
    // Shift boundaries fall on quarter hours, so quarter-hour slices price every minute right.
    private static readonly TimeSpan Slice = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<DeskCost> Of(IReadOnlyList<DeskPlan> desks, Roster roster, DateTimeOffset from, DateTimeOffset to)
    {
        var shifts = roster.ShiftsBetween(from, to);
        return desks.Select(plan =>
        {
            var desk = roster.Desk(plan.Id);
            double hours = 0, cost = 0;
            foreach (var shift in shifts.Where(s => string.Equals(s.DeskId, plan.Id, StringComparison.OrdinalIgnoreCase)))
            {
                var engineers = plan.EngineersOn(IndexOf(desk.Shifts, shift.Pattern));
                for (var at = Later(shift.StartsAt, from); at < Earlier(shift.EndsAt, to); at += Slice)
                {
                    var sliceHours = (Earlier(at + Slice, Earlier(shift.EndsAt, to)) - at).TotalHours * engineers;
                    hours += sliceHours;
                    cost += sliceHours * HourlyRate(plan.Cost, TimeZoneInfo.ConvertTime(at, desk.TimeZone));
                }
            }

            return new DeskCost(plan.Id, Math.Round(hours, 2), Math.Round(cost, 2));
        }).ToList();
    }

    /// <summary>The rate of an engineer-hour starting at a local time.</summary>
    public static double HourlyRate(StaffCost cost, DateTimeOffset local)
    {
        var premium = 0.0;
        if (local.Hour is >= 22 or < 6)
        {
            premium += cost.NightPremium;
        }

        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            premium += cost.WeekendPremium;
        }

        return cost.HourlyRate * (1 + premium);
    }

    /// <summary>Where a shift pattern is in a desk's shifts (the first when it is not there).</summary>
    internal static int IndexOf(IReadOnlyList<ShiftPattern> patterns, ShiftPattern pattern)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i] == pattern)
            {
                return i;
            }
        }

        return 0;
    }
}
