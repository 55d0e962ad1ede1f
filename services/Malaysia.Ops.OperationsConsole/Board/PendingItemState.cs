using System.Text.Json.Serialization;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>Where an item of a handoff stands with the incoming desk. Serialised in lower case,
/// as the board's page reads it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PendingItemState>))]
public enum PendingItemState
{
    /// <summary>Briefed; nobody has decided on it yet.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>The incoming desk asked about it and has not accepted it yet.</summary>
    [JsonStringEnumMemberName("queried")]
    Queried,

    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>Dispatch escalated it: nobody accepted it in time. It can still be accepted late.</summary>
    [JsonStringEnumMemberName("escalated")]
    Escalated,
}
