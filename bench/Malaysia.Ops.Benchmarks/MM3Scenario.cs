using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Benchmarks;

/// <summary>
/// M/M/3 as a scenario: Poisson arrivals at 2 an hour with exponential work of 60 minutes on
/// average, for one desk on duty round the clock with 3 engineers working one incident each.
/// The scenario format draws each incident's work from the catalogue, so the stream is scripted
/// here (one type, one severity, so the queue is first come first served; a type that needs no
/// other desk's help), with the random stream too thin to add any. The desk's two shifts hand
/// over to itself with no review time and nothing lost, so its engineers work on.
/// </summary>
public static class MM3Scenario
{
    public const double ArrivalsPerHour = 2;
    public const double MeanWorkMinutes = 60;
    public const int Engineers = 3;

    // One random arrival in about a hundred years: none within a run.
    private const double NoRandomArrivals = 1e-6;

    public static Scenario Build(DateTimeOffset start, double days, int seed)
    {
        var draws = new Random(seed);
        var end = start.AddDays(days);
        var incidents = new List<ScriptedIncident>();
        for (var at = start.AddHours(Exponential(draws, 1 / ArrivalsPerHour)); at <= end; at = at.AddHours(Exponential(draws, 1 / ArrivalsPerHour)))
        {
            incidents.Add(new ScriptedIncident(at, IncidentType.TrainingJobStalled, Severity.Sev3, "kul-gpu-a", Exponential(draws, MeanWorkMinutes), "M/M/3 customer"));
        }

        var desk = new DeskPlan("ops", "Operations desk", "UTC", ["00:00-12:00", "12:00-00:00"], Engineers, ReviewMinutesPerItem: 0, StaffCost.None);
        return new Scenario(
            "mm3",
            "M/M/3: Poisson arrivals at 2/h, exponential work (mean 60 min), 3 engineers on one desk round the clock",
            start,
            days,
            seed,
            ArrivalProfile.Constant(NoRandomArrivals),
            [desk],
            HandoffPolicy.Default,
            incidents,
            [],
            []);
    }

    /// <summary>Mean minutes an incident waited for an engineer: from raised to resolved, less
    /// its work; over the incidents resolved.</summary>
    public static double MeanWaitMinutes(Scenario scenario, LedgerSnapshot ledger)
    {
        var work = scenario.Incidents
            .OrderBy(i => i.At)
            .Select((incident, i) => (Id: IncidentGenerator.IncidentIdFor(i + 1), incident.WorkMinutes))
            .ToDictionary(w => w.Id, w => w.WorkMinutes, StringComparer.Ordinal);
        var waits = ledger.Incidents
            .Where(i => i.ResolvedAt is not null && work.ContainsKey(i.IncidentId))
            .Select(i => (i.ResolvedAt!.Value - i.RaisedAt).TotalMinutes - work[i.IncidentId])
            .ToList();
        return waits.Count == 0 ? 0 : waits.Average();
    }

    private static double Exponential(Random draws, double mean) => -mean * Math.Log(1 - draws.NextDouble());
}
