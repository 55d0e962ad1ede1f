using System.Diagnostics;
using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Desk;

/// <summary>The trace of every incident (and handoff) the desk holds, and what kind of
/// incident it is, kept while the desk holds it, for the spans it publishes under.</summary>
internal sealed class IncidentTraces
{
    private readonly Dictionary<string, ActivityContext> contexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IncidentType Type, Severity Severity)> kinds = new(StringComparer.Ordinal);

    public void Describe(string incidentId, IncidentType type, Severity severity) => kinds[incidentId] = (type, severity);

    /// <summary>The incident's type and severity as span attributes (none if unknown).</summary>
    public (string Key, object? Value)[] KindTags(string incidentId) =>
        kinds.TryGetValue(incidentId, out var kind)
            ? [("ops.incident.type", kind.Type.ToString()), ("ops.incident.severity", kind.Severity.ToString())]
            : [];

    public void Remember(string id, ActivityContext context)
    {
        if (context != default)
        {
            contexts[id] = context;
        }
    }

    public void Remember(string id, string? traceParent)
    {
        if (ActivityContext.TryParse(traceParent, null, out var context))
        {
            Remember(id, context);
        }
    }

    public ActivityContext For(string id) => contexts.GetValueOrDefault(id);

    public void Forget(string id)
    {
        contexts.Remove(id);
        kinds.Remove(id);
    }

    /// <summary>The W3C traceparent header value of a context, for carrying it in a message.</summary>
    public static string? TraceParent(ActivityContext context) =>
        context == default ? null : $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}
