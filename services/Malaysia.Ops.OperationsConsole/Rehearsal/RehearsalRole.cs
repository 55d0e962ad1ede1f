using System.Text.Json.Serialization;

namespace Malaysia.Ops.OperationsConsole.Rehearsal;

/// <summary>Who a person is in a rehearsal. Serialised in kebab-case, as the board's page and
/// the API's bodies name it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RehearsalRole>))]
public enum RehearsalRole
{
    /// <summary>Controls the run and plays the cards: the holder of the console's token.</summary>
    [JsonStringEnumMemberName("facilitator")]
    Facilitator,

    /// <summary>Writes the briefing when their desk's shift ends.</summary>
    [JsonStringEnumMemberName("outgoing-lead")]
    OutgoingLead,

    /// <summary>Reads each briefed item back, then accepts or queries it.</summary>
    [JsonStringEnumMemberName("incoming-lead")]
    IncomingLead,
}
