using System.Text.Json.Serialization;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>An open incident against its target: the acknowledgement target until acknowledged,
/// the resolution target after. Serialised in lower case with hyphens ("at-risk").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaState>))]
public enum SlaState
{
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>Past half its target.</summary>
    [JsonStringEnumMemberName("at-risk")]
    AtRisk,

    [JsonStringEnumMemberName("breached")]
    Breached,
}
