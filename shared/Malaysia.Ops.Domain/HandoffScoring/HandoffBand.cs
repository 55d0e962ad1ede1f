namespace Malaysia.Ops.Domain.HandoffScoring;

/// <summary>Where a handoff score falls: [0, 20) bad, [20, 40) low, [40, 60) medium, [60, 80)
/// good, [80, 100] great, the bands Grafana OnCall gives its schedule score.</summary>
public enum HandoffBand
{
    Bad,
    Low,
    Medium,
    Good,
    Great,
}
