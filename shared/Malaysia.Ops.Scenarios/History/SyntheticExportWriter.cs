using System.Globalization;
using System.Text;
using System.Text.Json;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// Writes a generated incident stream as an export in each format, for the shipped samples and
/// for trying the importers on large files. Every record says it is synthetic, and the mapping
/// these exports need is <see cref="SampleMapping"/>: each incident type is a service and a tag
/// of its own name, urgencies and priorities follow the severity.
/// </summary>
public static class SyntheticExportWriter
{
    /// <summary>The mapping file for the samples: PagerDuty's high urgency is a SEV1 or SEV2 and
    /// low the rest, so the PagerDuty sample keeps only two severities.</summary>
    public const string SampleMapping = """
        # Mapping for the synthetic samples: each service or tag is an incident type's own name
        # (the catalogue's names map to themselves without a line here).
        severities:
          high: Sev2
          low: Sev3
        unmapped:
          type: TrainingJobStalled
          severity: Sev3
        """;

    public static void PagerDutyCsv(IEnumerable<IncidentArrival> arrivals, TextWriter csv)
    {
        csv.Write("incident_number,title,description,service_name,urgency,created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,escalation_count,assignment_count\n");
        foreach (var a in arrivals)
        {
            var seconds = Math.Round(a.WorkMinutes * 60);
            var urgency = a.Severity <= Severity.Sev2 ? "high" : "low";
            csv.Write(string.Create(CultureInfo.InvariantCulture,
                $"{a.Sequence},\"SYNTHETIC {a.Summary}\",\"Synthetic incident, generated\",{a.Type},{urgency},{a.At:yyyy-MM-ddTHH:mm:ssZ},{a.At.AddSeconds(seconds):yyyy-MM-ddTHH:mm:ssZ},60,{seconds},0,1\n"));
        }
    }

    public static void GenericCsv(IEnumerable<IncidentArrival> arrivals, TextWriter csv)
    {
        csv.Write("id,raised_at,severity,type,work_minutes,summary\n");
        foreach (var a in arrivals)
        {
            csv.Write(string.Create(CultureInfo.InvariantCulture,
                $"{a.IncidentId},{a.At:yyyy-MM-ddTHH:mm:ssZ},{a.Severity},{a.Type},{a.WorkMinutes},\"SYNTHETIC {a.Summary}\"\n"));
        }
    }

    public static void OpsgenieJson(IEnumerable<IncidentArrival> arrivals, Stream json)
    {
        using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("note", "Synthetic alerts, drawn by the Malaysia.Ops incident generator");
        writer.WriteStartArray("data");
        foreach (var a in arrivals)
        {
            writer.WriteStartObject();
            writer.WriteString("id", a.IncidentId);
            writer.WriteString("message", $"SYNTHETIC {a.Summary}");
            writer.WriteString("createdAt", a.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            writer.WriteString("priority", $"P{(int)a.Severity}");
            writer.WriteStartArray("tags");
            writer.WriteStringValue("synthetic");
            writer.WriteStringValue(a.Type.ToString());
            writer.WriteEndArray();
            writer.WriteStartObject("report");
            writer.WriteNumber("ackTime", 60_000);
            writer.WriteNumber("closeTime", Math.Round(a.WorkMinutes * 60_000));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Text written with '\n' line ends, whatever the platform.</summary>
    public static string Text(Action<TextWriter> write)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(text);
        return text.ToString();
    }

    public static string Json(IEnumerable<IncidentArrival> arrivals)
    {
        using var stream = new MemoryStream();
        OpsgenieJson(arrivals, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
