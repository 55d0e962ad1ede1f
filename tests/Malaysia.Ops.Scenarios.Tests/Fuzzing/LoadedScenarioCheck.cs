using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>
/// What the simulator relies on in a scenario the loader accepted: a run that fits the calendar,
/// desks it can roster (its own and every topology's), scripted events inside the run, outages of
/// its own desks. A fuzzed file that loads but breaks one of these would crash a run later, far
/// from the file.
/// </summary>
internal static class LoadedScenarioCheck
{
    /// <summary>Why the scenario cannot be run; null if it can.</summary>
    public static string? Problem(Scenario scenario)
    {
        try
        {
            // A run starts in 1970-3000 and lasts at most a year.
            if (scenario.Start.Year is < 1970 or > 3000 || scenario.End.Year > 3001)
            {
                return $"the run {scenario.Start:O} to {scenario.End:O} is outside the years 1970 to 3001";
            }

            if (!double.IsFinite(scenario.Days) || scenario.Days <= 0 || scenario.Desks.Count == 0)
            {
                return "the run has no length or no desks";
            }

            DeskPlanRoster.Of(scenario.Desks);
            foreach (var topology in scenario.Compare)
            {
                DeskPlanRoster.Of(topology.Desks);
            }

            if (scenario.Incidents.FirstOrDefault(i => i.At < scenario.Start || i.At >= scenario.End) is { } outside)
            {
                return $"incident at {outside.At:O} is outside the run";
            }

            if (scenario.Outages.FirstOrDefault(o => o.From >= o.To || scenario.Desks.All(d => d.Id != o.DeskId)) is { } outage)
            {
                return $"outage of '{outage.DeskId}' is empty or of no desk";
            }

            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeZoneNotFoundException)
        {
            return $"the simulator could not use it: {ex.GetType().Name}: {ex.Message}";
        }
    }
}
