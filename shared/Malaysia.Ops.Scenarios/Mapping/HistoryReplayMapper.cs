using System.Globalization;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.History;
using Malaysia.Ops.Scenarios.Reading;
using YamlDotNet.RepresentationModel;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>
/// The "history" section: an incident export (docs/history.md) replayed as the run's stream.
/// Its incidents inside the run become scripted incidents at their own instants, on the
/// catalogue's first cluster of their type; where the export gives no work time (or none above
/// zero), the work is drawn by the seed from the scenario's distribution.
/// </summary>
internal static class HistoryReplayMapper
{
    /// <summary>The longest work a scenario accepts; an export's longer ones are cut to it.</summary>
    public const double MaxWorkMinutes = 10_080;

    private static readonly string[] Fields = ["path", "format", "mapping"];

    /// <summary>The replayed incidents; null (reported) if the section or the export is wrong.</summary>
    public static IReadOnlyList<ScriptedIncident>? Map(YamlValue value, ScenarioFile files, RunPeriod? period)
    {
        // "history: export.csv" is short for a path with the default format and mapping.
        if (value.Node is YamlScalarNode)
        {
            return files.PathOf(value) is { } shortPath
                ? Replay(value, shortPath, HistoryFormats.ByExtension(shortPath), HistoryMapping.Default, period)
                : null;
        }

        if (value.Mapping(Fields) is not { } history)
        {
            return null;
        }

        var pathValue = history.Required("path");
        var path = pathValue is { } p ? files.PathOf(p) : null;
        var formatValue = history.Optional("format");
        var format = formatValue?.EnumName<HistoryFormat>("an export format");
        var mappingValue = history.Optional("mapping");
        var mapping = mappingValue is { } m && files.PathOf(m) is { } mappingPath
            ? ScenarioFile.Read(m, () => HistoryMappingLoader.Load(mappingPath))
            : mappingValue is null ? HistoryMapping.Default : null;
        if (path is null || pathValue is not { } written || (formatValue is not null && format is null) || mapping is null)
        {
            return null;
        }

        return Replay(written, path, format ?? HistoryFormats.ByExtension(path), mapping, period);
    }

    private static List<ScriptedIncident>? Replay(YamlValue written, string path, HistoryFormat format, HistoryMapping mapping, RunPeriod? period)
    {
        var imported = ScenarioFile.Read(written, () => HistoryImporter.Import(path, format, mapping));
        if (imported is null || period is null)
        {
            return null;
        }

        var inRun = imported.Incidents.Where(i => period.Contains(i.RaisedAt)).Select(Replayed).ToList();
        if (inRun.Count == 0)
        {
            var covers = imported.Incidents.Count == 0
                ? "it has no incidents"
                : $"its incidents were raised from {Utc(imported.Incidents[0].RaisedAt)} to {Utc(imported.Incidents[^1].RaisedAt)}";
            written.Report($"no incident of the export falls inside the run ({period}); {covers}");
            return null;
        }

        return inRun;
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ScriptedIncident Replayed(ImportedIncident incident)
    {
        var cluster = IncidentCatalogue.Default.For(incident.Type)?.Clusters[0] ?? "unknown";
        var summary = incident.Text ?? $"{incident.Type} on {cluster} (export {incident.Id})";
        return incident.WorkMinutes is { } work && work > 0
            ? new ScriptedIncident(incident.RaisedAt, incident.Type, incident.Severity, cluster, Math.Min(work, MaxWorkMinutes), summary)
            : new ScriptedIncident(incident.RaisedAt, incident.Type, incident.Severity, cluster, DrawnPlaceholder(incident), summary, DrawsWork: true);
    }

    // The work a drawn incident carries until the stream draws it: the catalogue's mean, a valid figure.
    private static double DrawnPlaceholder(ImportedIncident incident) =>
        IncidentCatalogue.Default.For(incident.Type)?.MeanWorkMinutes.GetValueOrDefault(incident.Severity) ?? 30;
}
