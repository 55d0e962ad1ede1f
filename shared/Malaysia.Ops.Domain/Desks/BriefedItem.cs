using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Desks;

/// <summary>One piece of open work as a desk briefs it to the next: what it is, how far it got,
/// the effort it still needs and the notes the incoming desk carries on from.
/// <paramref name="ContextMissing"/>: the notes left out what the incoming desk needs; it will
/// query the item or be surprised when it starts work. <paramref name="AssistPending"/>: the
/// item still waits for another desk's help, which the incoming desk must ask for again.</summary>
public sealed record BriefedItem(
    string IncidentId,
    IncidentType Type,
    Severity Severity,
    WorkStatus Status,
    bool Acknowledged,
    double RemainingWorkMinutes,
    int TimesHandedOver,
    string Notes,
    string NextAction,
    bool ContextMissing = false,
    bool AssistPending = false);
