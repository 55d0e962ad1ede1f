using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;

namespace Malaysia.Ops.Desk;

/// <summary>A briefing's items between the wire and the desk model. The trace an item carries
/// on the wire is the desk process's business, not the model's (<see cref="DeskTraces"/>).</summary>
internal static class BriefedItems
{
    public static HandoffItem ToWire(BriefedItem item) => new(
        item.IncidentId,
        item.Type,
        item.Severity,
        item.Status,
        item.Acknowledged,
        item.RemainingWorkMinutes,
        item.TimesHandedOver,
        item.Notes,
        item.NextAction,
        TraceParent: null,
        item.ContextMissing,
        item.AssistPending);

    public static BriefedItem FromWire(HandoffItem item) => new(
        item.IncidentId,
        item.Type,
        item.Severity,
        item.Status,
        item.Acknowledged,
        item.RemainingWorkMinutes,
        item.TimesHandedOver,
        item.Notes,
        item.NextAction,
        item.ContextMissing,
        item.AssistPending);
}
