namespace Malaysia.Ops.Scenarios.History;

/// <summary>Text that is not CSV from <paramref name="Line"/> on (a quote left open, a field or
/// record too large to be an incident); nothing after it can be read as records.</summary>
internal sealed class CsvFormatException(long line, string message) : Exception(message)
{
    public long Line { get; } = line;
}
