using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Scenarios;

/// <summary>A card the facilitator can play during a rehearsal: a <paramref name="Title"/>, what it
/// <paramref name="Does"/> in words, and the event: an incident (<paramref name="Type"/>,
/// <paramref name="Severity"/>, <paramref name="Cluster"/>, <paramref name="Summary"/>,
/// <paramref name="WorkMinutes"/>), a stopped desk or a lost briefing (<paramref name="DeskId"/>),
/// or a load spike (<paramref name="IncidentsPerHour"/> for <paramref name="DurationMinutes"/>).</summary>
public sealed record RehearsalCard(
    string Title,
    string Does,
    RehearsalCardKind Kind,
    string? DeskId = null,
    IncidentType? Type = null,
    Severity? Severity = null,
    string? Cluster = null,
    string? Summary = null,
    double? WorkMinutes = null,
    double? IncidentsPerHour = null,
    double? DurationMinutes = null);
