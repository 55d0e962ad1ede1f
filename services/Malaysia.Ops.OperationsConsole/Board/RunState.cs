using System.Text.Json.Serialization;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>Where the run stands. Serialised in lower case, as the board's page reads it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunState>))]
public enum RunState
{
    /// <summary>Not started: the clock waits at the scenario's start for "Start".</summary>
    [JsonStringEnumMemberName("ready")]
    Ready,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>The scenario's period is over.</summary>
    [JsonStringEnumMemberName("finished")]
    Finished,
}
