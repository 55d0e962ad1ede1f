using System.Globalization;
using System.Runtime.CompilerServices;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Incidents;

/// <summary>
/// The run's seeded incident stream, merged in time order from three sources: Poisson arrivals
/// whose rate follows the <see cref="ArrivalProfile"/> (thinned from the profile's peak rate),
/// correlated bursts (a cluster outage raising several incidents of one type at once), and the
/// scenario's scripted incidents. Ids follow the merged order. The stream depends only on seed,
/// epoch, profile, script and catalogue, so a restarted workload service regenerates the same
/// ids and every rerun with the same seed sees the same operation. A profile's own
/// <see cref="IncidentMix"/> replaces the catalogue's mix and work times; a profile without
/// random arrivals (a replayed history) raises only its bursts and the script.
/// </summary>
public sealed class IncidentGenerator(
    IncidentCatalogue baseCatalogue,
    int seed,
    DateTimeOffset epoch,
    ArrivalProfile profile,
    IReadOnlyList<ScriptedIncident> scripted)
{
    private readonly IncidentCatalogue catalogue = profile.Mix?.Apply(baseCatalogue) ?? baseCatalogue;

    // Work times of scripted incidents that leave them to be drawn: every type, with the mix's rules.
    private readonly IncidentCatalogue workCatalogue = new IncidentMix([], profile.Mix?.WorkTimes ?? []).Apply(baseCatalogue);

    public IncidentGenerator(IncidentCatalogue catalogue, int seed, DateTimeOffset epoch, double incidentsPerHour)
        : this(catalogue, seed, epoch, ArrivalProfile.Constant(incidentsPerHour), [])
    {
    }

    public IEnumerable<IncidentArrival> Arrivals()
    {
        var rate = new ArrivalRate(profile);
        var sources = new List<IEnumerator<Draft>>
        {
            (profile.RandomArrivals ? Random(rate) : Enumerable.Empty<Draft>()).GetEnumerator(),
            Bursts().GetEnumerator(),
            Script().GetEnumerator(),
        };
        var heads = sources.Select(s => s.MoveNext() ? s.Current : null).ToArray();

        for (long sequence = 1; ; sequence++)
        {
            // The earliest head; among equal instants the source listed first.
            var next = -1;
            for (var i = 0; i < heads.Length; i++)
            {
                if (heads[i] is { } head && (next < 0 || head.At < heads[next]!.At))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                yield break;
            }

            var draft = heads[next]!;
            heads[next] = sources[next].MoveNext() ? sources[next].Current : null;
            yield return new IncidentArrival(sequence, IncidentIdFor(sequence), draft.At, draft.Type, draft.Severity, draft.Cluster, draft.Summary, draft.WorkMinutes);
        }
    }

    public static string IncidentIdFor(long sequence) => $"INC-{sequence.ToString("D5", CultureInfo.InvariantCulture)}";

    private IEnumerable<Draft> Random(ArrivalRate rate)
    {
        var random = new Random(seed);
        var totalWeight = catalogue.Profiles.Sum(p => p.Weight);
        var at = epoch;
        while (true)
        {
            // Every candidate draws the same values in the same order, so the stream never
            // depends on what an earlier arrival turned out to be.
            var gap = Exponential(random, 1 / rate.Peak);
            if (!StreamHorizon.Reaches(at, gap, TimeSpan.FromHours(1)))
            {
                yield break;
            }

            at = at.AddHours(gap);
            var kind = Pick(catalogue.Profiles, p => p.Weight, totalWeight, random.NextDouble());
            var severity = PickSeverity(kind, random);
            var cluster = kind.Clusters[random.Next(kind.Clusters.Count)];
            var work = WorkMinutes(kind, severity, random);

            // Thinning: a candidate at the peak rate is kept with probability rate(t) / peak.
            if (!rate.IsConstant && random.NextDouble() * rate.Peak >= rate.At(at))
            {
                continue;
            }

            yield return new Draft(at, kind.Type, severity, cluster, string.Format(CultureInfo.InvariantCulture, kind.SummaryTemplate, cluster), work);
        }
    }

    /// <summary>The scripted incidents in time order; those leaving their work to the stream draw
    /// it from a stream of their own, so the random arrivals stay as they are.</summary>
    private IEnumerable<Draft> Script()
    {
        var random = new Random(unchecked((seed * 104_729) + 7919));
        foreach (var s in scripted.OrderBy(s => s.At))
        {
            var work = s.DrawsWork && workCatalogue.For(s.Type) is { } kind ? WorkMinutes(kind, s.Severity, random) : s.WorkMinutes;
            yield return new Draft(s.At, s.Type, s.Severity, s.Cluster, s.Summary, work);
        }
    }

    /// <summary>Cluster outages: each raises a SEV1 and then more incidents of the same type on
    /// the same cluster, spread over the burst's minutes.</summary>
    private IEnumerable<Draft> Bursts()
    {
        if (profile.Bursts is not { PerDay: > 0 } bursts)
        {
            yield break;
        }

        // A stream of its own, so bursts never shift the ordinary arrivals.
        var random = new Random(unchecked((seed * 7919) + 104_729));
        var totalWeight = catalogue.Profiles.Sum(p => p.Weight);
        var pending = new PriorityQueue<Draft, (DateTimeOffset, long)>();
        long order = 0;
        var at = epoch;
        while (true)
        {
            var gap = Exponential(random, 1 / bursts.PerDay);
            if (!StreamHorizon.Reaches(at, gap, TimeSpan.FromDays(1)))
            {
                while (pending.TryDequeue(out var last, out _))
                {
                    yield return last;
                }

                yield break;
            }

            at = at.AddDays(gap);
            var kind = Pick(catalogue.Profiles, p => p.Weight, totalWeight, random.NextDouble());
            var cluster = kind.Clusters[random.Next(kind.Clusters.Count)];
            for (var i = 0; i < bursts.Incidents; i++)
            {
                var offset = i == 0 ? 0 : random.NextDouble() * bursts.WithinMinutes;
                var severity = i == 0 ? Severity.Sev1 : PickSeverity(kind, random);
                var summary = string.Format(CultureInfo.InvariantCulture, kind.SummaryTemplate, cluster) + $" (outage on {cluster})";
                var draft = new Draft(at.AddMinutes(offset), kind.Type, severity, cluster, summary, WorkMinutes(kind, severity, random));
                pending.Enqueue(draft, (draft.At, order++));
            }

            // Everything due before the next burst can start is final.
            while (pending.TryPeek(out var first, out _) && first.At <= at)
            {
                yield return pending.Dequeue();
            }
        }
    }

    private static Severity PickSeverity(IncidentProfile kind, Random random)
    {
        var mix = SeverityMixes.GetValue(kind, static k => new OrderedMix(k.SeverityMix.OrderBy(kv => kv.Key).ToList(), k.SeverityMix.Values.Sum()));
        return Pick(mix.Severities, kv => kv.Value, mix.Total, random.NextDouble()).Key;
    }

    // Each profile's severities in order with their total weight, worked out once rather than at every draw.
    private static readonly ConditionalWeakTable<IncidentProfile, OrderedMix> SeverityMixes = new();

    private sealed record OrderedMix(List<KeyValuePair<Severity, double>> Severities, double Total);

    // A scenario's own distribution is drawn as it stands (an empirical list's values exactly).
    private static double WorkMinutes(IncidentProfile kind, Severity severity, Random random) =>
        kind.WorkTimes?.GetValueOrDefault(severity) is { } distribution
            ? distribution.Draw(random)
            : Math.Round(Math.Max(5, Exponential(random, kind.MeanWorkMinutes[severity])), 2);

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

    private sealed record Draft(DateTimeOffset At, IncidentType Type, Severity Severity, string Cluster, string Summary, double WorkMinutes);
}
