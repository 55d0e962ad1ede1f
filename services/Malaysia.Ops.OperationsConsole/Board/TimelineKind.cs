using System.Text.Json.Serialization;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>What a line of the board's timeline is about. Serialised in lower case, as the
/// board's page reads it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimelineKind>))]
public enum TimelineKind
{
    /// <summary>An action from the console, with who asked.</summary>
    [JsonStringEnumMemberName("control")]
    Control,

    [JsonStringEnumMemberName("handoff")]
    Handoff,

    [JsonStringEnumMemberName("incident")]
    Incident,

    /// <summary>A desk's report of its mode and faults, or a message a desk rejected.</summary>
    [JsonStringEnumMemberName("fault")]
    Fault,
}
