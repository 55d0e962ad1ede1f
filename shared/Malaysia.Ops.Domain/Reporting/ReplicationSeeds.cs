namespace Malaysia.Ops.Domain.Reporting;

/// <summary>
/// The seed of each replication: replication i (from 0) runs on seed + 7919 · i, wrapping
/// round the range of a 32-bit integer. Replication 0 is the scenario's own seed, so its
/// figures are those of a single run; 7919, a prime, keeps the streams apart for any count.
/// </summary>
public static class ReplicationSeeds
{
    public const int Stride = 7919;

    public static IReadOnlyList<int> Of(int seed, int count) =>
        Enumerable.Range(0, count).Select(i => unchecked(seed + (Stride * i))).ToList();
}
