namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// Reads a CSV export record by record: the header names the columns (in any order, any case;
/// columns nobody asks for, such as names and notes, are never looked at), each following
/// record becomes an incident or reports its problems, and blank lines are skipped.
/// </summary>
internal static class CsvExport
{
    public static List<T> Read<T>(
        TextReader text,
        RowProblems problems,
        IReadOnlyList<string> requiredColumns,
        ImportOptions options,
        Func<CsvRow, T?> toIncident)
        where T : class
    {
        var incidents = new List<T>();
        var reader = new CsvReader(text);
        long read = 0;
        try
        {
            if (reader.Next() is not { } header)
            {
                problems.AtLine(1, "header", "the file is empty (expected a header line naming the columns)");
                return incidents;
            }

            var columns = Columns(header);
            var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                problems.AtLine(header.Line, "header", $"missing column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m}'"))}");
                return incidents;
            }

            while (reader.Next() is { } record)
            {
                if (++read % ImportOptions.ProgressEvery == 0)
                {
                    options.Progress?.Report(read);
                }

                if (record.Fields is [{ Length: 0 }])
                {
                    continue;
                }

                if (record.Fields.Count != header.Fields.Count)
                {
                    problems.AtLine(record.Line, "record", $"has {record.Fields.Count} fields, the header {header.Fields.Count}");
                    continue;
                }

                if (toIncident(new CsvRow(record, columns, problems)) is { } incident)
                {
                    incidents.Add(incident);
                }
            }
        }
        catch (CsvFormatException ex)
        {
            problems.AtLine(ex.Line, "record", ex.Message);
        }

        options.Progress?.Report(read);
        return incidents;
    }

    private static Dictionary<string, int> Columns(CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            columns.TryAdd(header.Fields[i].Trim(), i);
        }

        return columns;
    }
}
