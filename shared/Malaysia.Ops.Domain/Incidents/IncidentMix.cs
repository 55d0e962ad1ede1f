using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Incidents;

/// <summary>One part of a scenario's own incident mix: incidents of a type at a severity, with
/// their share of all random arrivals (shares are relative; they need not add up to 1).</summary>
public sealed record MixShare(IncidentType Type, Severity Severity, double Share);

/// <summary>
/// The work-time distribution of the incidents a rule matches: of one type, of one severity,
/// of both, or (neither given) of every incident. The most particular rule matching an
/// incident applies.
/// </summary>
public sealed record WorkTimeRule(IncidentType? Type, Severity? Severity, WorkTimeDistribution Distribution)
{
    /// <summary>How particular the rule is: type and severity, then type, then severity, then neither.</summary>
    public int Precedence => (Type is null ? 0 : 2) + (Severity is null ? 0 : 1);

    public bool Matches(IncidentType type, Severity severity) =>
        (Type is null || Type == type) && (Severity is null || Severity == severity);
}

/// <summary>
/// What a scenario's random stream draws instead of the catalogue's own figures: its mix of
/// types and severities (empty for the catalogue's), and work-time distributions (none for the
/// catalogue's max(5, Exp(mean)) by severity). Clusters and summaries stay the catalogue's.
/// </summary>
public sealed record IncidentMix(IReadOnlyList<MixShare> Shares, IReadOnlyList<WorkTimeRule> WorkTimes)
{
    private static readonly Severity[] Severities = Enum.GetValues<Severity>();

    /// <summary>The catalogue as this mix changes it.</summary>
    public IncidentCatalogue Apply(IncidentCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var profiles = Shares.Count == 0
            ? catalogue.Profiles
            : Shares.GroupBy(s => s.Type).Select(type => Reweighted(catalogue, type.Key, type.ToList())).ToList();
        return new IncidentCatalogue(profiles.Select(p => p with { WorkTimes = WorkTimesOf(p.Type) }).ToList());
    }

    /// <summary>The distribution of an incident's work, or null where the catalogue's applies.</summary>
    public WorkTimeDistribution? WorkTimeOf(IncidentType type, Severity severity) =>
        WorkTimes.Where(r => r.Matches(type, severity)).MaxBy(r => r.Precedence)?.Distribution;

    private Dictionary<Severity, WorkTimeDistribution>? WorkTimesOf(IncidentType type)
    {
        var bySeverity = Severities
            .Select(s => (Severity: s, Distribution: WorkTimeOf(type, s)))
            .Where(x => x.Distribution is not null)
            .ToDictionary(x => x.Severity, x => x.Distribution!);
        return bySeverity.Count == 0 ? null : bySeverity;
    }

    private static IncidentProfile Reweighted(IncidentCatalogue catalogue, IncidentType type, List<MixShare> shares)
    {
        var profile = catalogue.For(type) ?? throw new ArgumentException($"{type} is not in the incident catalogue", nameof(catalogue));
        return profile with
        {
            Weight = shares.Sum(s => s.Share),
            SeverityMix = shares.GroupBy(s => s.Severity).ToDictionary(g => g.Key, g => g.Sum(s => s.Share)),
        };
    }
}
