using System.Globalization;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The instants a run covers, [Start, End): scripted events must fall inside it to
/// happen at all.</summary>
internal sealed record RunPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;

    public override string ToString() => $"from {Format(Start)}, before {Format(End)}";

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
