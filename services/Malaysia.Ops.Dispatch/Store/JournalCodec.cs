using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Dispatch.Store;

/// <summary>Writes and reads the journal's inputs and outputs as JSON, each message under its
/// contract's name. Only the contracts dispatch consumes or publishes can be read back, so a
/// store written by something else is refused rather than half-replayed.</summary>
public static class JournalCodec
{
    /// <summary>The kind stored for a shift-clock move.</summary>
    public const string ShiftClockKind = "ShiftClockMoved";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly FrozenDictionary<string, Type> Contracts = new[]
    {
        typeof(IncidentRaised), typeof(IncidentAcknowledged), typeof(IncidentUpdated), typeof(IncidentResolved), typeof(IncidentAssigned), typeof(IncidentEscalated),
        typeof(HandoffBriefing), typeof(HandoffItemAccepted), typeof(HandoffItemQueried), typeof(HandoffSurpriseFound), typeof(HandoffCompleted), typeof(HandoffEscalated),
        typeof(AssistRequested), typeof(AssistProvided), typeof(AssistRouted),
        typeof(WorkloadSubmitted), typeof(WorkloadCompleted), typeof(WorkloadFailed),
        typeof(DeskStateReported), typeof(ShiftStarted), typeof(ShiftEnding),
    }.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static (string Kind, string Body) Write(JournalInput input) => input switch
    {
        ConsumedMessage consumed => (consumed.Message.GetType().Name, JsonSerializer.Serialize(consumed.Message, consumed.Message.GetType(), Json)),
        ShiftClockMoved moved => (ShiftClockKind, JsonSerializer.Serialize(moved, Json)),
        _ => throw new ArgumentException($"unknown journal input {input.GetType().Name}", nameof(input)),
    };

    public static JournalInput ReadInput(string kind, string body) => kind == ShiftClockKind
        ? JsonSerializer.Deserialize<ShiftClockMoved>(body, Json) ?? throw new JsonException("empty shift-clock move")
        : new ConsumedMessage(ReadMessage(kind, body));

    public static string WriteOutputs(IReadOnlyList<IOpsMessage> outputs) =>
        JsonSerializer.Serialize(outputs.Select(o => new StoredMessage(o.GetType().Name, JsonSerializer.SerializeToElement(o, o.GetType(), Json))), Json);

    public static IReadOnlyList<IOpsMessage> ReadOutputs(string json) =>
        (JsonSerializer.Deserialize<List<StoredMessage>>(json, Json) ?? throw new JsonException("empty outputs"))
            .Select(m => ReadMessage(m.Kind, m.Body.GetRawText()))
            .ToList();

    private static IOpsMessage ReadMessage(string kind, string body) =>
        Contracts.TryGetValue(kind, out var type)
            ? JsonSerializer.Deserialize(body, type, Json) as IOpsMessage ?? throw new JsonException($"empty {kind}")
            : throw new JsonException($"'{kind}' is not a message dispatch stores");

    private sealed record StoredMessage(string Kind, JsonElement Body);
}
