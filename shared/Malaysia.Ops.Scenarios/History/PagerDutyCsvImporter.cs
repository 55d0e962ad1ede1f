using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// PagerDuty's incidents CSV: the service names the type, the urgency the severity, and the
/// work time is seconds_to_resolve (or resolved_on less created_on). Names, titles, notes and
/// the other columns are not read; the description is kept only when asked for.
/// </summary>
internal static class PagerDutyCsvImporter
{
    private static readonly string[] Required = ["incident_number", "created_on", "urgency", "service_name"];

    public static List<ImportedIncident> Read(TextReader text, RowProblems problems, HistoryMapping mapping, ImportOptions options) =>
        CsvExport.Read(text, problems, Required, options, row => ToIncident(row, mapping, options));

    private static ImportedIncident? ToIncident(CsvRow row, HistoryMapping mapping, ImportOptions options)
    {
        var id = row.Required("incident_number");
        var created = row.Instant("created_on", required: true);
        var resolved = row.Instant("resolved_on", required: false);
        var urgency = row.Required("urgency");
        var service = row.Required("service_name");
        var secondsToResolve = row.NonNegative("seconds_to_resolve");
        if (created is { } from && resolved is { } to && to < from)
        {
            row.Report("resolved_on", $"{ProblemText.Quote(row.Optional("resolved_on"))} is before created_on {ProblemText.Quote(row.Optional("created_on"))}");
            return null;
        }

        if (id is null || created is null || urgency is null || service is null)
        {
            return null;
        }

        var work = secondsToResolve / 60 ?? (resolved - created)?.TotalMinutes;
        return new ImportedIncident(
            id,
            created.Value,
            mapping.TypeOf(service) ?? mapping.UnmappedType,
            mapping.SeverityOf(urgency),
            work,
            options.KeepText ? row.Optional("description") : null);
    }
}
