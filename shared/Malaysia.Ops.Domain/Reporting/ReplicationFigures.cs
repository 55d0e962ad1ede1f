namespace Malaysia.Ops.Domain.Reporting;

/// <summary>One replication's headline figures: the scenario's own topology, and each compared
/// topology in the scenario's order.</summary>
public sealed record ReplicationFigures(
    IReadOnlyDictionary<string, double> Run,
    IReadOnlyList<IReadOnlyDictionary<string, double>> Comparison);
