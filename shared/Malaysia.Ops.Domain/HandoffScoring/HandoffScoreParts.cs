namespace Malaysia.Ops.Domain.HandoffScoring;

/// <summary>The points a handoff earned for each part of its score; each is at most the weight
/// <see cref="HandoffScorer"/> gives that part, and together they are the score.</summary>
public sealed record HandoffScoreParts(
    double Completeness,
    double OmissionsSurfaced,
    double Queries,
    double Latency,
    double Escalations)
{
    public double Total => Completeness + OmissionsSurfaced + Queries + Latency + Escalations;
}
