namespace Malaysia.Ops.Scenarios.History;

/// <summary>One record of a CSV file: its fields and the line it starts on (a quoted field may
/// run over several lines).</summary>
internal sealed record CsvRecord(long Line, IReadOnlyList<string> Fields);
