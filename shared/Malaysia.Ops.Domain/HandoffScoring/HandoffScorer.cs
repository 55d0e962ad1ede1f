using System.Globalization;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.HandoffScoring;

/// <summary>
/// The handoff quality score, 0-100, the sum of five parts for a handoff of n items:
/// <list type="bullet">
/// <item>completeness, 30 × the share of the 3n briefing fields (notes, next action, context)
/// that were filled in;</item>
/// <item>omissions surfaced, 25 × (1 − surprises / n): context left out and found only when work
/// started;</item>
/// <item>queries, 15 × (1 − queries / n): items the incoming lead had to ask about;</item>
/// <item>latency, 15 × (1 − the share of the handoff window used before the last item was taken
/// over); nothing unless every item was taken over by the deadline;</item>
/// <item>escalations, 15 × (1 − items escalated / n).</item>
/// </list>
/// A handoff with no items that completed scores 100; one whose briefing never came scores 0.
/// Handoffs still open have no score yet: their latency and escalations are not known.
/// </summary>
public static class HandoffScorer
{
    public const double CompletenessWeight = 30;
    public const double OmissionsSurfacedWeight = 25;
    public const double QueriesWeight = 15;
    public const double LatencyWeight = 15;
    public const double EscalationsWeight = 15;

    public static HandoffScore? Of(HandoffRecord handoff)
    {
        if (handoff.Status is HandoffStatus.AwaitingBriefing or HandoffStatus.Briefed)
        {
            return null;
        }

        if (handoff.BriefingSentAtWall is null && handoff.Items.Count == 0)
        {
            return Scored(handoff.Status == HandoffStatus.Completed
                ? new HandoffScoreParts(CompletenessWeight, OmissionsSurfacedWeight, QueriesWeight, LatencyWeight, EscalationsWeight)
                : new HandoffScoreParts(0, 0, 0, 0, 0));
        }

        double items = Math.Max(1, handoff.Items.Count);
        var fields = BriefingFields.PerItem * items;
        return Scored(new HandoffScoreParts(
            Points(CompletenessWeight, 1 - ((handoff.BlankFields + handoff.Omissions) / fields)),
            Points(OmissionsSurfacedWeight, 1 - (handoff.Surprises / items)),
            Points(QueriesWeight, 1 - (handoff.Queries / items)),
            Points(LatencyWeight, handoff.Status == HandoffStatus.Completed ? 1 - WindowUsed(handoff) : 0),
            Points(EscalationsWeight, 1 - (handoff.Items.Count(i => i.Escalated) / items))));
    }

    public static HandoffBand BandOf(double score) => score switch
    {
        < 20 => HandoffBand.Bad,
        < 40 => HandoffBand.Low,
        < 60 => HandoffBand.Medium,
        < 80 => HandoffBand.Good,
        _ => HandoffBand.Great,
    };

    /// <summary>A score (or a mean of scores) with its band, as people read it: "83.5 (great)".</summary>
    public static string Label(double score) =>
        string.Create(CultureInfo.InvariantCulture, $"{score:0.#} ({BandOf(score).ToString().ToLowerInvariant()})");

    /// <summary>The mean score of the handoffs that have one, to compare topologies and staffing
    /// on; null when none has.</summary>
    public static double? MeanOf(IEnumerable<HandoffRecord> handoffs)
    {
        var scores = handoffs.Select(Of).OfType<HandoffScore>().Select(s => (double)s.Score).ToList();
        return scores.Count == 0 ? null : Math.Round(scores.Average(), 1);
    }

    private static HandoffScore Scored(HandoffScoreParts parts)
    {
        var score = (int)Math.Round(parts.Total, MidpointRounding.AwayFromZero);
        return new HandoffScore(score, BandOf(score), parts);
    }

    // Taken over before the incoming desk could first accept counts as no time used.
    private static double WindowUsed(HandoffRecord handoff)
    {
        var window = handoff.Deadline - handoff.AcceptFrom;
        return handoff.CompletedAt is not { } completedAt ? 1
            : window <= TimeSpan.Zero ? (completedAt <= handoff.Deadline ? 0 : 1)
            : Math.Clamp((completedAt - handoff.AcceptFrom) / window, 0, 1);
    }

    private static double Points(double weight, double share) => Math.Round(weight * Math.Clamp(share, 0, 1), 1, MidpointRounding.AwayFromZero);
}
