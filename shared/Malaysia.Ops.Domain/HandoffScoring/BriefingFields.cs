using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.HandoffScoring;

/// <summary>The fields a briefing item must fill for the incoming lead to carry on: its notes,
/// its next action and its context.</summary>
public static class BriefingFields
{
    public const int PerItem = 3;

    /// <summary>Notes and next action left blank; missing context is counted as an omission.</summary>
    public static int BlankOf(HandoffItem item) =>
        (string.IsNullOrWhiteSpace(item.Notes) ? 1 : 0) + (string.IsNullOrWhiteSpace(item.NextAction) ? 1 : 0);
}
