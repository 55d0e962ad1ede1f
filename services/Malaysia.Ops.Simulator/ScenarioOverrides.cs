using System.Globalization;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios;

namespace Malaysia.Ops.Simulator;

/// <summary>Applies the command line's overrides to a loaded scenario.</summary>
public static class ScenarioOverrides
{
    /// <exception cref="ScenarioException">The warm-up, the scenario's or the command line's,
    /// leaves nothing of the run to measure, or cannot be left out of a run on the wall clock.</exception>
    public static Scenario Apply(Scenario scenario, SimulatorSettings settings)
    {
        var start = settings.Start ?? scenario.Start;
        var days = settings.Days ?? scenario.Days;
        var warmUp = settings.WarmUpHours ?? scenario.WarmUpHours;
        var warmUpFrom = settings.WarmUpHours is null ? $"{scenario.Name}'s warmUpHours" : "--warm-up";
        if (warmUp >= days * 24)
        {
            throw new ScenarioException(string.Create(CultureInfo.InvariantCulture, $"{warmUpFrom}: {warmUp} h leaves nothing of the {days} day(s) of {scenario.Name} to measure"));
        }

        if (warmUp > 0 && settings.Speed is not null)
        {
            throw new ScenarioException($"{warmUpFrom}: a warm-up is left out by a replicated run, in virtual time; drop --speed or give --warm-up 0");
        }

        // Scripted events keep their place relative to the start when the start moves.
        var shift = start - scenario.Start;
        return scenario with
        {
            Start = start,
            Days = days,
            WarmUpHours = warmUp,
            Seed = settings.Seed ?? scenario.Seed,
            Arrivals = scenario.Arrivals with
            {
                IncidentsPerHour = scenario.Arrivals.IncidentsPerHour * settings.RateMultiplier,
                Spikes = scenario.Arrivals.Spikes.Select(s => s with { From = s.From + shift, To = s.To + shift }).ToList(),
            },
            Desks = WithEngineers(scenario.Desks, settings.Engineers),
            Incidents = scenario.Incidents.Select(i => i with { At = i.At + shift }).ToList(),
            Outages = scenario.Outages.Select(o => o with { From = o.From + shift, To = o.To + shift }).ToList(),
            Compare = scenario.Compare.Select(t => t with { Desks = WithEngineers(t.Desks, settings.Engineers) }).ToList(),
        };
    }

    // --engineers sets every shift of every desk, per-shift staffing included.
    private static List<DeskPlan> WithEngineers(IReadOnlyList<DeskPlan> desks, int? engineers) =>
        desks.Select(d => engineers is { } n ? d with { Engineers = n, EngineersByShift = null } : d).ToList();
}
