using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.Calibration;

/// <summary>A history drawn by the project's own incident generator from a known arrival
/// profile, as an export of it would import.</summary>
internal static class GeneratedHistory
{
    /// <summary>Busier in New York business hours, quieter at weekends there.</summary>
    public static ArrivalProfile Profile { get; } =
        new(2, new BusyHours("America/New_York", new TimeOnly(9, 0), new TimeOnly(17, 0), 2.5), 0.5, [], null);

    /// <summary>A Monday, with a daylight-saving change (8 March 2026 in New York) inside.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static IncidentHistory Of(ArrivalProfile profile, int weeks, int seed = 7)
    {
        var end = Start.AddDays(7 * weeks);
        var incidents = new IncidentGenerator(IncidentCatalogue.Default, seed, Start, profile, [])
            .Arrivals()
            .TakeWhile(a => a.At < end)
            .Select(a => new ImportedIncident(a.IncidentId, a.At, a.Type, a.Severity, a.WorkMinutes))
            .ToList();
        return new IncidentHistory("generated.csv", incidents);
    }

    /// <summary>The mean work time the generator draws for a catalogue mean: an exponential
    /// time of that mean, at least 5 minutes, so E[max(5, X)] = 5 + mean·e^(−5/mean).</summary>
    public static double TrueMeanWork(double catalogueMean) => 5 + (catalogueMean * Math.Exp(-5 / catalogueMean));
}
