using System.Text.Json.Serialization;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>Where an open incident stands on the board. Serialised in lower case with hyphens
/// ("in-handoff"), as the board's page reads it and makes class names of it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OpenIncidentStatus>))]
public enum OpenIncidentStatus
{
    /// <summary>Raised; no desk has been given it yet.</summary>
    [JsonStringEnumMemberName("raised")]
    Raised,

    [JsonStringEnumMemberName("assigned")]
    Assigned,

    [JsonStringEnumMemberName("acknowledged")]
    Acknowledged,

    /// <summary>Briefed to the incoming desk and not yet accepted there.</summary>
    [JsonStringEnumMemberName("in-handoff")]
    InHandoff,

    [JsonStringEnumMemberName("escalated")]
    Escalated,
}
