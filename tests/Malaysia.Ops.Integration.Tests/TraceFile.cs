using System.Text.Json;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>A span as read back from an OTLP/JSON trace file, with its service.</summary>
public sealed record RecordedSpan(string Service, string TraceId, string SpanId, string Name, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> LinkedTraceIds);

/// <summary>Reads the OTLP/JSON lines the services write with Telemetry__TraceFile.</summary>
internal static class TraceFile
{
    public static IReadOnlyList<RecordedSpan> Read(string path)
    {
        var spans = new List<RecordedSpan>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var request = JsonDocument.Parse(line);
            foreach (var resourceSpans in request.RootElement.GetProperty("resourceSpans").EnumerateArray())
            {
                var service = Attributes(resourceSpans.GetProperty("resource")).GetValueOrDefault("service.name", "?");
                foreach (var scope in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
                {
                    foreach (var span in scope.GetProperty("spans").EnumerateArray())
                    {
                        spans.Add(new RecordedSpan(
                            service,
                            span.GetProperty("traceId").GetString()!,
                            span.GetProperty("spanId").GetString()!,
                            span.GetProperty("name").GetString()!,
                            Attributes(span),
                            span.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("traceId").GetString()!).ToList()));
                    }
                }
            }
        }

        return spans;
    }

    private static Dictionary<string, string> Attributes(JsonElement owner) =>
        owner.GetProperty("attributes").EnumerateArray().ToDictionary(
            a => a.GetProperty("key").GetString()!,
            a => a.GetProperty("value").EnumerateObject().First().Value.ToString());
}
