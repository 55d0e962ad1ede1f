using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The "incidents" section: incidents raised at set instants, which must fall inside
/// the run, or they would silently never happen.</summary>
internal static class ScriptedIncidentMapper
{
    private static readonly string[] Fields = ["at", "type", "severity", "cluster", "workMinutes", "summary"];

    private static readonly NumberRange WorkMinutesRange = NumberRange.Above(0, 10_080);

    /// <param name="period">The run, or null if its start or length is itself wrong (and
    /// reported), in which case instants are not checked against it.</param>
    public static IReadOnlyList<ScriptedIncident>? MapList(YamlValue value, RunPeriod? period) =>
        value.Items("incidents", 0, int.MaxValue, item => Map(item, period));

    private static ScriptedIncident? Map(YamlValue item, RunPeriod? period)
    {
        if (item.Mapping(Fields) is not { } incident)
        {
            return null;
        }

        var atValue = incident.Required("at");
        var at = atValue?.Instant();
        var type = incident.Required("type")?.EnumName<IncidentType>("an incident type");
        var severity = incident.Required("severity")?.EnumName<Severity>("a severity");
        var cluster = incident.Required("cluster")?.Text();
        var workMinutes = incident.Required("workMinutes")?.Number(WorkMinutesRange);
        var summary = incident.Optional("summary")?.Text() ?? $"{type} on {cluster}";

        var inRun = true;
        if (at is { } instant && period is not null && !period.Contains(instant) && atValue is { } written)
        {
            written.Report($"{ProblemText.Quote(written.Written)} is outside the run ({period})");
            inRun = false;
        }

        return at is null || type is null || severity is null || cluster is null || workMinutes is null || !inRun
            ? null
            : new ScriptedIncident(at.Value, type.Value, severity.Value, cluster, workMinutes.Value, summary);
    }
}
