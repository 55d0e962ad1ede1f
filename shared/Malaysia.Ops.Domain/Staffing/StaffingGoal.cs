using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Domain.Staffing;

/// <summary>A headline figure (<see cref="HeadlineFigures"/>) that must be at least
/// <paramref name="AtLeast"/> with 95% confidence: the low end of its interval across
/// replications is at least the target.</summary>
public sealed record StaffingGoal(string Figure, double AtLeast)
{
    /// <summary>Each severity's share acknowledged in time and resolved in time.</summary>
    public static IReadOnlyList<StaffingGoal> Of(StaffingTargets targets) => targets.Attainment
        .OrderBy(goal => goal.Key)
        .SelectMany(goal => new[]
        {
            new StaffingGoal(HeadlineFigures.Of(HeadlineFigures.AcknowledgedInTime, goal.Key.ToString()), goal.Value),
            new StaffingGoal(HeadlineFigures.Of(HeadlineFigures.ResolvedInTime, goal.Key.ToString()), goal.Value),
        })
        .ToList();

    /// <summary>Met when the figure's interval lies at or above the target, or when no
    /// replication had an incident to measure it by. One replication has no interval and
    /// proves nothing.</summary>
    public bool MetBy(IReadOnlyDictionary<string, Estimate> figures) =>
        !figures.TryGetValue(Figure, out var estimate) || (estimate.Low is { } low && low >= AtLeast);
}
