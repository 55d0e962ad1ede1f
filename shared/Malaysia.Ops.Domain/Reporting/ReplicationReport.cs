using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Domain.Reporting;

/// <summary>
/// The headline figures of <paramref name="Count"/> independent replications of a scenario
/// (replication i on <paramref name="Seeds"/>[i], its first <paramref name="WarmUpHours"/> left
/// out), each estimated with its spread and 95%
/// interval, by figure name (<see cref="HeadlineFigures"/>): the scenario's own topology in
/// <paramref name="Run"/>, and each compared topology with its paired difference from it.
/// </summary>
public sealed record ReplicationReport(
    int Count,
    IReadOnlyList<int> Seeds,
    double WarmUpHours,
    IReadOnlyDictionary<string, Estimate> Run,
    IReadOnlyList<ReplicatedTopology> Comparison);

/// <summary>A compared topology across the replications: its own estimates, and per figure
/// the difference from the scenario's own topology on the same incident streams (this one
/// minus the scenario's own).</summary>
public sealed record ReplicatedTopology(
    string Name,
    IReadOnlyDictionary<string, Estimate> Figures,
    IReadOnlyDictionary<string, PairedDifference> DifferenceFromRun);
