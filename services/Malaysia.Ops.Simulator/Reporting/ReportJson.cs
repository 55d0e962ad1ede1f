using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// report.json: the run's report for other programs (a dashboard, a notebook, a diff between two
/// runs), in the shape docs/report.md describes. Property names are camelCase, enums are
/// written by name, instants in ISO 8601 with their offset, and lines end in "\n" on every
/// platform, so the same report always gives the same bytes.
/// </summary>
public static class ReportJson
{
    /// <summary>The options report.json is written with, and read back with. Read-only: a
    /// caller that changed them would change the file's shape for everyone.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NewLine = "\n",
            // A file for people and programs, never inlined into a page: "my->us" stays
            // readable instead of becoming "my-\u003Eus".
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter() },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitAbsentSections } },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A single run's report has no replications and is written without the field, so
    /// it stays the schema version 1 document it always was; a run that solved no staffing is
    /// written without the staffing field.</summary>
    private static void OmitAbsentSections(JsonTypeInfo type)
    {
        if (type.Type != typeof(RunReport))
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => p.Name is "replications" or "staffing"))
        {
            property.ShouldSerialize = (_, value) => value is not null;
        }
    }
}
