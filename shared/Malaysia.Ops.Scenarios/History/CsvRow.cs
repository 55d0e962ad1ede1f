namespace Malaysia.Ops.Scenarios.History;

/// <summary>A record of a CSV export read by its header's column names; a problem with a field
/// is reported at the record's line, naming the column.</summary>
internal sealed class CsvRow(CsvRecord record, IReadOnlyDictionary<string, int> columns, RowProblems problems)
{
    public long Line => record.Line;

    /// <summary>The trimmed field; null if the file has no such column or the field is empty.</summary>
    public string? Optional(string column) =>
        columns.TryGetValue(column, out var index) && index < record.Fields.Count && record.Fields[index].Trim() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>The trimmed field; null (reported) if it is empty.</summary>
    public string? Required(string column)
    {
        var text = Optional(column);
        if (text is null)
        {
            Report(column, "is empty");
        }

        return text;
    }

    public DateTimeOffset? Instant(string column, bool required)
    {
        var text = required ? Required(column) : Optional(column);
        return text is null ? null : Checked(column, ExportValue.Instant(text, out var problem), problem);
    }

    public double? NonNegative(string column)
    {
        var text = Optional(column);
        return text is null ? null : Checked(column, ExportValue.NonNegative(text, out var problem), problem);
    }

    public void Report(string column, string problem) => problems.AtLine(Line, column, problem);

    private T? Checked<T>(string column, T? value, string? problem)
        where T : struct
    {
        if (problem is not null)
        {
            Report(column, problem);
        }

        return value;
    }
}
