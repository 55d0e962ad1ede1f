using System.Text;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// Imports an incident export (docs/history.md) into the catalogue's terms. Every problem in the
/// file is reported at once, and a file with any problem imports nothing: a history with holes
/// would calibrate or replay an operation that never was.
/// </summary>
public static class HistoryImporter
{
    /// <exception cref="HistoryException">The file cannot be read or has problems.</exception>
    public static IncidentHistory Import(string path, HistoryFormat format, HistoryMapping mapping, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Import(stream, Path.GetFileName(path), format, mapping, options);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HistoryException($"{path}: no such export file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new HistoryException($"{path}: the export cannot be read: {ex.Message}");
        }
    }

    /// <summary>Imports an export read from <paramref name="stream"/>, UTF-8 with or without a
    /// byte order mark.</summary>
    /// <param name="fileName">How problems name the file.</param>
    /// <exception cref="HistoryException">The export has problems.</exception>
    public static IncidentHistory Import(Stream stream, string fileName, HistoryFormat format, HistoryMapping mapping, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(mapping);
        options ??= ImportOptions.Default;
        var problems = new RowProblems(fileName);
        List<ImportedIncident> incidents;
        if (format == HistoryFormat.Opsgenie)
        {
            incidents = OpsgenieJsonImporter.Read(stream, problems, mapping, options);
        }
        else
        {
            using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
            incidents = format == HistoryFormat.PagerDuty
                ? PagerDutyCsvImporter.Read(text, problems, mapping, options)
                : GenericCsvImporter.Read(text, problems, mapping, options);
        }

        problems.ThrowIfAny();
        return new IncidentHistory(fileName, [.. incidents.OrderBy(i => i.RaisedAt)]);
    }
}
