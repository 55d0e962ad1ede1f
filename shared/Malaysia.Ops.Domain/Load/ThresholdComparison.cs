namespace Malaysia.Ops.Domain.Load;

/// <summary>How a figure must stand to its limit for a threshold to hold.</summary>
public enum ThresholdComparison
{
    Below,
    AtMost,
    Above,
    AtLeast,
    Equal,
}
