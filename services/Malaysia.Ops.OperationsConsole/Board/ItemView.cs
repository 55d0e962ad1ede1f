using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>What the board holds of a handoff item: the briefing's item and the incoming desk's
/// decision on it.</summary>
internal sealed class ItemView(HandoffItem item, DateTimeOffset briefedAt)
{
    public HandoffItem Item { get; } = item;

    public DateTimeOffset BriefedAt { get; } = briefedAt;

    public DateTimeOffset? AcceptedAt { get; set; }

    public bool Queried { get; set; }

    public PendingItemState State { get; set; } = PendingItemState.Waiting;

    /// <summary>The item in the incoming lead's own words, as they last read it back.</summary>
    public string? ReadBack { get; set; }
}
