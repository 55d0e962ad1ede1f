using System.Globalization;
using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Incidents;

/// <summary>
/// The run's seeded incident stream: Poisson arrivals at a constant rate from the epoch, each
/// with type, severity, cluster and work time drawn from the catalogue. The stream depends only
/// on seed, epoch, rate and catalogue, so a restarted workload service regenerates the same ids
/// and every rerun with the same seed sees the same operation.
/// </summary>
public sealed class IncidentGenerator(IncidentCatalogue catalogue, int seed, DateTimeOffset epoch, double incidentsPerHour)
{
    public IEnumerable<IncidentArrival> Arrivals()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(incidentsPerHour);
        var random = new Random(seed);
        var totalWeight = catalogue.Profiles.Sum(p => p.Weight);
        var at = epoch;
        for (long sequence = 1; ; sequence++)
        {
            // Every arrival draws the same number of values in the same order, so the stream
            // never depends on what an earlier arrival turned out to be.
            at = at.AddHours(Exponential(random, 1 / incidentsPerHour));
            var profile = Pick(catalogue.Profiles, p => p.Weight, totalWeight, random.NextDouble());
            var severity = Pick(profile.SeverityMix.OrderBy(kv => kv.Key).ToList(), kv => kv.Value, profile.SeverityMix.Values.Sum(), random.NextDouble()).Key;
            var cluster = profile.Clusters[random.Next(profile.Clusters.Count)];
            var work = Math.Max(5, Exponential(random, profile.MeanWorkMinutes[severity]));
            yield return new IncidentArrival(
                sequence,
                IncidentIdFor(sequence),
                at,
                profile.Type,
                severity,
                cluster,
                string.Format(CultureInfo.InvariantCulture, profile.SummaryTemplate, cluster),
                Math.Round(work, 2));
        }
    }

    public static string IncidentIdFor(long sequence) => $"INC-{sequence.ToString("D5", CultureInfo.InvariantCulture)}";

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight, double total, double draw)
    {
        var target = draw * total;
        foreach (var item in items)
        {
            target -= weight(item);
            if (target < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}
