using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// How an export's own words become the catalogue's: a service (PagerDuty), a tag (Opsgenie) or
/// the generic CSV's type or service names an incident type; an urgency, a priority or a
/// severity names a severity. Names match in any case. A name the mapping lacks takes the
/// unmapped type or severity.
/// </summary>
public sealed record HistoryMapping(
    IReadOnlyDictionary<string, IncidentType> Types,
    IReadOnlyDictionary<string, Severity> Severities,
    IncidentType UnmappedType,
    Severity UnmappedSeverity)
{
    /// <summary>The type of an incident whose service or tags the mapping does not name.</summary>
    public const IncidentType DefaultUnmappedType = IncidentType.TrainingJobStalled;

    /// <summary>The severity of an incident whose urgency or priority the mapping does not name.</summary>
    public const Severity DefaultUnmappedSeverity = Severity.Sev3;

    /// <summary>The severities every mapping starts from: PagerDuty's urgencies (high is a
    /// page, low waits for the morning), Opsgenie's priorities (P5 is informational, like P4),
    /// and the catalogue's own names and numbers. A mapping file overrides any of them.</summary>
    public static IReadOnlyDictionary<string, Severity> BuiltInSeverities { get; } =
        new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase)
        {
            ["high"] = Severity.Sev2,
            ["low"] = Severity.Sev3,
            ["P1"] = Severity.Sev1,
            ["P2"] = Severity.Sev2,
            ["P3"] = Severity.Sev3,
            ["P4"] = Severity.Sev4,
            ["P5"] = Severity.Sev4,
            ["Sev1"] = Severity.Sev1,
            ["Sev2"] = Severity.Sev2,
            ["Sev3"] = Severity.Sev3,
            ["Sev4"] = Severity.Sev4,
            ["1"] = Severity.Sev1,
            ["2"] = Severity.Sev2,
            ["3"] = Severity.Sev3,
            ["4"] = Severity.Sev4,
        };

    /// <summary>The catalogue's type names, the built-in severities and the stated defaults.</summary>
    public static HistoryMapping Default { get; } = new(
        Enum.GetValues<IncidentType>().ToDictionary(t => t.ToString(), t => t, StringComparer.OrdinalIgnoreCase),
        BuiltInSeverities,
        DefaultUnmappedType,
        DefaultUnmappedSeverity);

    /// <summary>The type a name maps to; null if the mapping does not name it.</summary>
    public IncidentType? TypeOf(string name) => Types.TryGetValue(name.Trim(), out var type) ? type : null;

    /// <summary>The severity a name maps to, or the unmapped severity.</summary>
    public Severity SeverityOf(string name) => Severities.TryGetValue(name.Trim(), out var severity) ? severity : UnmappedSeverity;
}
