using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Mapping;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// A scenario's scripted incidents kept in a CSV file beside it (docs/scenarios.md): columns
/// at, type, severity, cluster, work_minutes and optionally summary, read by the exports' own
/// CSV reader. Every problem is reported at once, at its line and column name; a file with any
/// problem gives no incident.
/// </summary>
internal static class ScriptedIncidentCsv
{
    private const double MaxWorkMinutes = 10_080;

    private static readonly string[] Required = ["at", "type", "severity", "cluster", "work_minutes"];

    /// <exception cref="HistoryException">The file cannot be read or has problems.</exception>
    public static IReadOnlyList<ScriptedIncident> Read(string path, RunPeriod? period)
    {
        try
        {
            using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var fileName = Path.GetFileName(path);
            var problems = new RowProblems(fileName);
            var incidents = CsvExport.Read(text, problems, Required, ImportOptions.Default, row => ToIncident(row, period));
            problems.ThrowIfAny();
            return incidents;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HistoryException($"{path}: no such file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new HistoryException($"{path}: the file cannot be read: {ex.Message}");
        }
    }

    private static ScriptedIncident? ToIncident(CsvRow row, RunPeriod? period)
    {
        var at = row.Instant("at", required: true);
        var type = Name<IncidentType>(row, "type", "an incident type");
        var severity = Name<Severity>(row, "severity", "a severity");
        var cluster = row.Required("cluster");
        var work = row.NonNegative("work_minutes");
        if (row.Optional("work_minutes") is null)
        {
            row.Report("work_minutes", "is empty");
        }
        else if (work is not null and (<= 0 or > MaxWorkMinutes))
        {
            row.Report("work_minutes", string.Create(CultureInfo.InvariantCulture, $"{work} is out of range (must be greater than 0 and at most {MaxWorkMinutes})"));
            work = null;
        }

        if (at is { } instant && period is not null && !period.Contains(instant))
        {
            row.Report("at", $"{ProblemText.Quote(row.Optional("at"))} is outside the run ({period})");
            at = null;
        }

        return at is null || type is null || severity is null || cluster is null || work is null
            ? null
            : new ScriptedIncident(at.Value, type.Value, severity.Value, cluster, work.Value, row.Optional("summary") ?? $"{type} on {cluster}");
    }

    private static TEnum? Name<TEnum>(CsvRow row, string column, string what)
        where TEnum : struct, Enum
    {
        if (row.Required(column) is not { } text)
        {
            return null;
        }

        if (Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<TEnum>(name);
        }

        row.Report(column, $"{ProblemText.Quote(text)} is not {what} (expected one of: {string.Join(", ", Enum.GetNames<TEnum>())})");
        return null;
    }
}
