namespace Malaysia.Ops.Domain.Rosters;

public sealed record TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Length => To - From;

    public bool Contains(DateTimeOffset instant) => From <= instant && instant < To;
}

/// <summary>A stretch of time covered by two or more desks at once.</summary>
public sealed record Overlap(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> DeskIds)
{
    public TimeSpan Length => To - From;
}

/// <summary>Where a period is uncovered (nobody on duty) and where desks overlap.</summary>
public sealed record CoverageReport(TimeRange Period, IReadOnlyList<TimeRange> Gaps, IReadOnlyList<Overlap> Overlaps)
{
    public TimeSpan TotalGap => Gaps.Aggregate(TimeSpan.Zero, (sum, gap) => sum + gap.Length);

    public TimeSpan TotalOverlap => Overlaps.Aggregate(TimeSpan.Zero, (sum, overlap) => sum + overlap.Length);

    public bool IsInGap(DateTimeOffset instant) => Gaps.Any(gap => gap.Contains(instant));
}
