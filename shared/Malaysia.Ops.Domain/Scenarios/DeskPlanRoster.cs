using Malaysia.Ops.Domain.Rosters;

namespace Malaysia.Ops.Domain.Scenarios;

/// <summary>The roster a list of desk plans works to: the one place desk plans (already validated
/// by the scenario loader) become time zones and shift patterns.</summary>
public static class DeskPlanRoster
{
    public static Roster Of(IReadOnlyList<DeskPlan> desks) => Roster.Create(desks
        .Select(d => new DeskRoster(
            d.Id,
            d.Name,
            TimeZoneInfo.FindSystemTimeZoneById(d.TimeZone),
            d.Shifts.Select(s => ShiftPattern.TryParse(s, out var pattern) ? pattern : throw new ArgumentException($"desk {d.Id}: '{s}' is not a shift")).ToList()))
        .ToList());
}
