using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Simulator;

/// <summary>Applies the command line's overrides to a loaded scenario.</summary>
public static class ScenarioOverrides
{
    public static Scenario Apply(Scenario scenario, SimulatorSettings settings)
    {
        var start = settings.Start ?? scenario.Start;

        // Scripted events keep their place relative to the start when the start moves.
        var shift = start - scenario.Start;
        return scenario with
        {
            Start = start,
            Days = settings.Days ?? scenario.Days,
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
