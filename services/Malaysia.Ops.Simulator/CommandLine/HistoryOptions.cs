using System.CommandLine;
using System.Diagnostics;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>What `import` and `calibrate` share: the export, its format, the mapping file and
/// whether free text is kept; and the import they make, timed, with progress on the error output.</summary>
internal sealed class HistoryOptions
{
    private readonly Argument<string> export = new("EXPORT") { Description = "the export file: a PagerDuty incidents CSV, Opsgenie alerts JSON or the generic CSV (docs/history.md)" };
    private readonly Option<HistoryFormat?> format = OptionValue.Format("--format", "F", "pagerduty, opsgenie or generic (default: opsgenie for .json, else pagerduty)");
    private readonly Option<string?> mapping = OptionValue.Text("--mapping", "PATH", "the mapping file (YAML) from services, tags, urgencies and priorities to incident types and severities");
    private readonly Option<bool> keepText = new("--keep-text") { Description = "keep descriptions and messages (free text, which may name people); dropped by default" };

    public void AddTo(Command command)
    {
        command.Add(export);
        command.Add(format);
        command.Add(mapping);
        command.Add(keepText);
    }

    public string Export(ParseResult result) => result.GetValue(export)!;

    /// <summary>The import the options ask for, and how long it took.</summary>
    /// <exception cref="HistoryException">The export has problems.</exception>
    /// <exception cref="Scenarios.ScenarioException">The mapping file has problems.</exception>
    public (IncidentHistory History, TimeSpan Took) Import(ParseResult result, TextWriter error)
    {
        var path = Export(result);
        var chosen = result.GetValue(format) ?? HistoryFormats.ByExtension(path);
        var map = result.GetValue(mapping) is { } mappingPath ? HistoryMappingLoader.Load(mappingPath) : HistoryMapping.Default;
        var progress = new RecordProgress(error);
        var clock = Stopwatch.StartNew();
        try
        {
            var history = HistoryImporter.Import(path, chosen, map, new ImportOptions(result.GetValue(keepText), progress));
            return (history, clock.Elapsed);
        }
        finally
        {
            progress.Finish();
        }
    }
}
