using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Domain.Reporting;

/// <summary>Estimates every headline figure across replications, and each compared topology's
/// paired difference from the scenario's own. Figures are taken in replication order and
/// listed by name, so the same replications always give the same report.</summary>
public static class ReplicationReportBuilder
{
    public static ReplicationReport Build(IReadOnlyList<int> seeds, double warmUpHours, IReadOnlyList<string> comparedNames, IReadOnlyList<ReplicationFigures> replications)
    {
        if (seeds.Count != replications.Count)
        {
            throw new ArgumentException($"{replications.Count} replication(s) for {seeds.Count} seed(s)", nameof(replications));
        }

        var comparison = comparedNames.Select((name, t) =>
        {
            var figures = replications.Select(r => r.Comparison[t]).ToList();
            var differences = Names(figures)
                .Select(figure => (figure, pairs: replications
                    .Where(r => r.Run.ContainsKey(figure) && r.Comparison[t].ContainsKey(figure))
                    .Select(r => (Run: r.Run[figure], Compared: r.Comparison[t][figure]))
                    .ToList()))
                .Where(f => f.pairs.Count > 0)
                .ToDictionary(
                    f => f.figure,
                    f => PairedDifference.Of(f.pairs.Select(p => p.Run).ToList(), f.pairs.Select(p => p.Compared).ToList()),
                    StringComparer.Ordinal);
            return new ReplicatedTopology(name, Estimates(figures), differences);
        }).ToList();

        return new ReplicationReport(seeds.Count, seeds, warmUpHours, Estimates(replications.Select(r => r.Run).ToList()), comparison);
    }

    private static Dictionary<string, Estimate> Estimates(IReadOnlyList<IReadOnlyDictionary<string, double>> replications) =>
        Names(replications).ToDictionary(
            figure => figure,
            figure => Estimate.Of(replications.Where(r => r.ContainsKey(figure)).Select(r => r[figure]).ToList()),
            StringComparer.Ordinal);

    private static List<string> Names(IEnumerable<IReadOnlyDictionary<string, double>> replications) =>
        replications.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
