using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Incidents;

/// <summary>How fast an incident of a severity must be acknowledged and resolved, from when it
/// was raised.</summary>
public sealed record ServiceLevel(Severity Severity, TimeSpan AcknowledgeWithin, TimeSpan ResolveWithin);

/// <summary>The operation's service levels by severity.</summary>
public sealed class ServiceLevels(IReadOnlyDictionary<Severity, ServiceLevel> levels)
{
    /// <summary>Typical targets of a 24/7 infrastructure operations desk.</summary>
    public static ServiceLevels Default { get; } = new(new Dictionary<Severity, ServiceLevel>
    {
        [Severity.Sev1] = new(Severity.Sev1, TimeSpan.FromMinutes(15), TimeSpan.FromHours(4)),
        [Severity.Sev2] = new(Severity.Sev2, TimeSpan.FromMinutes(30), TimeSpan.FromHours(8)),
        [Severity.Sev3] = new(Severity.Sev3, TimeSpan.FromHours(2), TimeSpan.FromHours(24)),
        [Severity.Sev4] = new(Severity.Sev4, TimeSpan.FromHours(8), TimeSpan.FromHours(72)),
    });

    public ServiceLevel For(Severity severity) => levels[severity];

    /// <summary>These targets with some severities' replaced.</summary>
    public ServiceLevels With(IEnumerable<ServiceLevel> overrides)
    {
        var merged = new Dictionary<Severity, ServiceLevel>(levels);
        foreach (var level in overrides)
        {
            merged[level.Severity] = level;
        }

        return new ServiceLevels(merged);
    }

    public IEnumerable<ServiceLevel> All => levels.Values.OrderBy(l => l.Severity);

    public bool AcknowledgementBreached(Severity severity, DateTimeOffset raisedAt, DateTimeOffset acknowledgedAt) =>
        acknowledgedAt - raisedAt > For(severity).AcknowledgeWithin;

    public bool ResolutionBreached(Severity severity, DateTimeOffset raisedAt, DateTimeOffset resolvedAt) =>
        resolvedAt - raisedAt > For(severity).ResolveWithin;
}
