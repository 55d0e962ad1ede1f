namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// The generic CSV (docs/history.md): raised_at, severity, type or service, and optionally id,
/// work_minutes and summary. A type is a catalogue type or a name the mapping gives one; a
/// service is looked up in the mapping.
/// </summary>
internal static class GenericCsvImporter
{
    private static readonly string[] Required = ["raised_at", "severity"];

    public static List<ImportedIncident> Read(TextReader text, RowProblems problems, HistoryMapping mapping, ImportOptions options) =>
        CsvExport.Read(text, problems, Required, options, row => ToIncident(row, mapping, options));

    private static ImportedIncident? ToIncident(CsvRow row, HistoryMapping mapping, ImportOptions options)
    {
        var raised = row.Instant("raised_at", required: true);
        var severity = row.Required("severity");
        var work = row.NonNegative("work_minutes");
        var type = row.Optional("type");
        var service = row.Optional("service");
        if (type is null && service is null)
        {
            row.Report("type", "is empty, and so is service (one of them names the incident type)");
            return null;
        }

        if (raised is null || severity is null)
        {
            return null;
        }

        var mapped = (type is null ? null : mapping.TypeOf(type)) ?? (service is null ? null : mapping.TypeOf(service));
        return new ImportedIncident(
            row.Optional("id") ?? $"L{row.Line}",
            raised.Value,
            mapped ?? mapping.UnmappedType,
            mapping.SeverityOf(severity),
            work,
            options.KeepText ? row.Optional("summary") : null);
    }
}
