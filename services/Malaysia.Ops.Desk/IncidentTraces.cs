using System.Diagnostics;

namespace Malaysia.Ops.Desk;

/// <summary>The trace of every incident (and handoff) the desk holds, kept while it holds it.</summary>
internal sealed class IncidentTraces
{
    private readonly Dictionary<string, ActivityContext> contexts = new(StringComparer.Ordinal);

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

    public void Forget(string id) => contexts.Remove(id);

    /// <summary>The W3C traceparent header value of a context, for carrying it in a message.</summary>
    public static string? TraceParent(ActivityContext context) =>
        context == default ? null : $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}
