using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace Malaysia.Ops.ServiceDefaults.Telemetry;

/// <summary>
/// Writes spans as OTLP/JSON, one ExportTraceServiceRequest per line: the shape an
/// OpenTelemetry collector's file exporter writes. A run's traces can so be kept, diffed, loaded
/// into a trace viewer, and checked by tests, without a collector running.
/// </summary>
public sealed class OtlpJsonFileExporter : BaseExporter<Activity>
{
    private readonly FileStream file;
    private readonly Lock gate = new();

    public OtlpJsonFileExporter(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // Shared read so a test or a person can read the file while the service runs.
        file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public override ExportResult Export(in Batch<Activity> batch)
    {
        lock (gate)
        {
            using (var json = new Utf8JsonWriter(file))
            {
                json.WriteStartObject();
                json.WriteStartArray("resourceSpans");
                json.WriteStartObject();
                json.WriteStartObject("resource");
                WriteAttributes(json, (ParentProvider?.GetResource().Attributes ?? []).Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)));
                json.WriteEndObject();
                json.WriteStartArray("scopeSpans");
                foreach (var scope in Group(batch))
                {
                    json.WriteStartObject();
                    json.WriteStartObject("scope");
                    json.WriteString("name", scope.Key.Name);
                    json.WriteString("version", scope.Key.Version ?? string.Empty);
                    json.WriteEndObject();
                    json.WriteStartArray("spans");
                    foreach (var activity in scope.Value)
                    {
                        WriteSpan(json, activity);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            file.WriteByte((byte)'\n');
            file.Flush();
        }

        return ExportResult.Success;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Dictionary<(string Name, string? Version), List<Activity>> Group(in Batch<Activity> batch)
    {
        var scopes = new Dictionary<(string, string?), List<Activity>>();
        foreach (var activity in batch)
        {
            var key = (activity.Source.Name, activity.Source.Version);
            if (!scopes.TryGetValue(key, out var list))
            {
                scopes[key] = list = [];
            }

            list.Add(activity);
        }

        return scopes;
    }

    private static void WriteSpan(Utf8JsonWriter json, Activity activity)
    {
        json.WriteStartObject();
        json.WriteString("traceId", activity.TraceId.ToHexString());
        json.WriteString("spanId", activity.SpanId.ToHexString());
        if (activity.ParentSpanId != default)
        {
            json.WriteString("parentSpanId", activity.ParentSpanId.ToHexString());
        }

        json.WriteString("name", activity.DisplayName);
        // OTLP numbers span kinds from 1 (internal); .NET from 0.
        json.WriteNumber("kind", (int)activity.Kind + 1);
        json.WriteString("startTimeUnixNano", UnixNanos(activity.StartTimeUtc));
        json.WriteString("endTimeUnixNano", UnixNanos(activity.StartTimeUtc + activity.Duration));
        WriteAttributes(json, activity.TagObjects);
        json.WriteStartArray("links");
        foreach (var link in activity.Links)
        {
            json.WriteStartObject();
            json.WriteString("traceId", link.Context.TraceId.ToHexString());
            json.WriteString("spanId", link.Context.SpanId.ToHexString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("status");
        json.WriteNumber("code", activity.Status switch { ActivityStatusCode.Ok => 1, ActivityStatusCode.Error => 2, _ => 0 });
        if (!string.IsNullOrEmpty(activity.StatusDescription))
        {
            json.WriteString("message", activity.StatusDescription);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> attributes)
    {
        json.WriteStartArray("attributes");
        foreach (var (key, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("key", key);
            json.WriteStartObject("value");
            switch (value)
            {
                case bool b:
                    json.WriteBoolean("boolValue", b);
                    break;
                case int or long or short or byte:
                    // OTLP/JSON carries 64-bit integers as strings.
                    json.WriteString("intValue", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                    break;
                case double or float:
                    json.WriteNumber("doubleValue", Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    json.WriteString("stringValue", Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string UnixNanos(DateTime utc) =>
        ((utc.Ticks - DateTime.UnixEpoch.Ticks) * 100).ToString(CultureInfo.InvariantCulture);
}
