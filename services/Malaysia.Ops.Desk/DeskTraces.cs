using System.Diagnostics;
using System.Globalization;
using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Desk;

/// <summary>
/// Which trace each message a desk publishes belongs to. The trace of every incident (and
/// handoff, and help asked of the desk) is remembered from the message that brought it, with the
/// incident's type and severity, and forgotten when the incident leaves; an incident's messages
/// go out under a span of the incident's own trace, so one incident is one trace from alert to
/// resolution, across both desks.
/// </summary>
internal sealed class DeskTraces(string deskId, string displayName)
{
    private readonly Dictionary<string, ActivityContext> contexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IncidentType Type, Severity Severity)> kinds = new(StringComparer.Ordinal);

    // Incidents assigned for a shift the desk had handed over: they go on to the next desk.
    private readonly HashSet<string> forwarded = new(StringComparer.Ordinal);

    /// <summary>Remembers the traces a message the desk takes brings, consumed under
    /// <paramref name="trace"/>; <paramref name="forwarding"/> when it is an assignment the desk
    /// passes on in a supplementary briefing.</summary>
    public void Heard(IOpsMessage message, ActivityContext trace, bool forwarding)
    {
        switch (message)
        {
            case IncidentAssigned assigned:
                RememberFirst(assigned.IncidentId, trace);
                kinds[assigned.IncidentId] = (assigned.Type, assigned.Severity);
                if (forwarding)
                {
                    forwarded.Add(assigned.IncidentId);
                }

                break;
            case ShiftEnding ending:
                Remember(EndingKey(ending.HandoffId), trace);
                break;
            case HandoffBriefing briefing:
                Remember(briefing.HandoffId, trace);
                foreach (var item in briefing.Items)
                {
                    if (ActivityContext.TryParse(item.TraceParent, null, out var context))
                    {
                        Remember(item.IncidentId, context);
                    }

                    kinds[item.IncidentId] = (item.Type, item.Severity);
                }

                break;
            case IncidentEscalated escalation:
                // Passed on in the incident's trace, or the escalation's if the desk never had one.
                RememberFirst(escalation.IncidentId, trace);
                break;
            case AssistRouted routed:
                Remember(AssistKey(routed.IncidentId, routed.RequesterDeskId), trace);
                break;
        }
    }

    /// <summary>The incident left the desk without a message of its own (dropped).</summary>
    public void Forget(string id)
    {
        contexts.Remove(id);
        kinds.Remove(id);
        forwarded.Remove(id);
    }

    /// <summary>A message the desk sends, with the span it goes out under; the traces of what
    /// leaves the desk with it are forgotten.</summary>
    public OutgoingMessage Outgoing(IOpsMessage message)
    {
        switch (message)
        {
            case IncidentAcknowledged m:
                return ForIncident(m, "acknowledge", m.IncidentId);
            case IncidentUpdated m:
                return ForIncident(m, "work", m.IncidentId);
            case IncidentResolved m:
                var resolved = ForIncident(m, "resolve", m.IncidentId);
                Forget(m.IncidentId);
                return resolved;
            case HandoffItemQueried m:
                return ForIncident(m, "query", m.IncidentId, m.HandoffId);
            case HandoffSurpriseFound m:
                return ForIncident(m, "surprise on", m.IncidentId, m.HandoffId);
            case HandoffItemAccepted m:
                return ForIncident(m, "accept", m.IncidentId, m.HandoffId);
            case AssistRequested m:
                return ForIncident(m, $"ask {m.NeededDeskId.ToUpperInvariant()} desk for {m.Kind} on", m.IncidentId);
            case AssistProvided m:
                var key = AssistKey(m.IncidentId, m.RequesterDeskId);
                var given = new OutgoingMessage(m, $"give {m.Kind} for {m.IncidentId} to {m.RequesterDeskId.ToUpperInvariant()} desk", For(key), Tags(m.IncidentId, m.SimulatedAt, null, ("ops.assist.kind", m.Kind.ToString())));
                Forget(key);
                return given;
            case HandoffCompleted m:
                var completed = new OutgoingMessage(m, $"handoff {m.FromDeskId.ToUpperInvariant()}→{deskId.ToUpperInvariant()} taken over", For(m.HandoffId), Tags(null, m.SimulatedAt, m.HandoffId, ("ops.handoff.items", m.ItemsAccepted)));
                Forget(m.HandoffId);
                return completed;
            case HandoffBriefing m:
                return Briefing(m);
            case IncidentAssigned m:
                var passed = new OutgoingMessage(m, $"escalate {m.IncidentId} to {m.DeskId.ToUpperInvariant()} desk", For(m.IncidentId), Tags(m.IncidentId, m.SimulatedAt, null));
                Forget(m.IncidentId);
                return passed;
            case DeskStateReported m:
                return new OutgoingMessage(m, $"{displayName} state", default, Tags(null, m.SimulatedAt, null));
            default:
                throw new InvalidOperationException($"{displayName} has no span for {message.GetType().Name}");
        }
    }

    /// <summary>A briefing: each item carries its incident's trace on to the incoming desk. A
    /// handoff goes out under a span of the shift end's trace linking to each item's trace; an
    /// assignment forwarded after the shift ended, in its incident's trace.</summary>
    private OutgoingMessage Briefing(HandoffBriefing briefing)
    {
        var items = briefing.Items.Select(i => i with { TraceParent = TraceParent(For(i.IncidentId)) }).ToList();
        var tags = Tags(null, briefing.SimulatedAt, briefing.HandoffId, ("ops.handoff.items", items.Count));
        var message = briefing with { Items = items };
        if (items is [var only] && forwarded.Contains(only.IncidentId))
        {
            var forward = new OutgoingMessage(message, $"forward {only.IncidentId} to {briefing.ToDeskId.ToUpperInvariant()} desk", For(only.IncidentId), tags);
            Forget(only.IncidentId);
            return forward;
        }

        var links = items.Select(i => For(i.IncidentId)).Where(c => c != default).Select(c => new ActivityLink(c)).ToList();
        var handoff = new OutgoingMessage(message, $"handoff {deskId.ToUpperInvariant()}→{briefing.ToDeskId.ToUpperInvariant()}", For(EndingKey(briefing.HandoffId)), tags, links);
        foreach (var item in items)
        {
            Forget(item.IncidentId);
        }

        Forget(EndingKey(briefing.HandoffId));
        return handoff;
    }

    private OutgoingMessage ForIncident(IOpsMessage message, string verb, string incidentId, string? handoffId = null) =>
        new(message, $"{verb} {incidentId} on {displayName}", For(incidentId), Tags(incidentId, message.SimulatedAt, handoffId, KindTags(incidentId)));

    private Dictionary<string, object?> Tags(string? incidentId, DateTimeOffset at, string? handoffId, params (string Key, object? Value)[] extra)
    {
        var tags = new Dictionary<string, object?>
        {
            ["ops.desk"] = deskId,
            ["ops.simulated_time"] = at.ToString("O", CultureInfo.InvariantCulture),
        };
        if (incidentId is not null)
        {
            tags["ops.incident.id"] = incidentId;
        }

        if (handoffId is not null)
        {
            tags["ops.handoff.id"] = handoffId;
        }

        foreach (var (key, value) in extra)
        {
            tags[key] = value;
        }

        return tags;
    }

    /// <summary>The incident's type and severity as span attributes (none if unknown).</summary>
    private (string Key, object? Value)[] KindTags(string incidentId) =>
        kinds.TryGetValue(incidentId, out var kind)
            ? [("ops.incident.type", kind.Type.ToString()), ("ops.incident.severity", kind.Severity.ToString())]
            : [];

    private ActivityContext For(string id) => contexts.GetValueOrDefault(id);

    private void Remember(string id, ActivityContext context)
    {
        if (context != default)
        {
            contexts[id] = context;
        }
    }

    private void RememberFirst(string id, ActivityContext context)
    {
        if (!contexts.ContainsKey(id))
        {
            Remember(id, context);
        }
    }

    private static string EndingKey(string handoffId) => $"ending:{handoffId}";

    private static string AssistKey(string incidentId, string requesterDeskId) => $"assist:{incidentId}:{requesterDeskId}";

    /// <summary>The W3C traceparent header value of a context, for carrying it in a message.</summary>
    public static string? TraceParent(ActivityContext context) =>
        context == default ? null : $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}
