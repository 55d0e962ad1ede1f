namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>What the board holds of a handoff: its items and how far it got.</summary>
internal sealed class HandoffView(string handoffId, string fromDeskId, string toDeskId, DateTimeOffset briefedAt, bool byPerson)
{
    public string HandoffId { get; } = handoffId;

    public string FromDeskId { get; } = fromDeskId;

    public string ToDeskId { get; } = toDeskId;

    public DateTimeOffset BriefedAt { get; } = briefedAt;

    /// <summary>When the outgoing shift ended, once dispatch's announcement of it is heard.</summary>
    public DateTimeOffset? ShiftEndsAt { get; set; }

    /// <summary>Where item latency counts from: the shift's end, as in the report (the
    /// briefing's arrival only if the shift end was never heard).</summary>
    public DateTimeOffset LatencyFrom => ShiftEndsAt ?? BriefedAt;

    public bool ByPerson { get; } = byPerson;

    public Dictionary<string, ItemView> Items { get; } = new(StringComparer.Ordinal);

    public int Escalated { get; set; }

    public bool Completed { get; set; }
}
