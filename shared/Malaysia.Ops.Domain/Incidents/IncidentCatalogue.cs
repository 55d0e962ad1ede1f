using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Incidents;

/// <summary>How often an incident type occurs, how severe it tends to be, how much hands-on work
/// it takes at each severity, what it needs from a particular desk (<paramref name="Need"/>)
/// whoever holds it, and the skill it takes (<paramref name="Skill"/>). <paramref name="WorkTimes"/>
/// replaces the catalogue's work of a severity (max(5, Exp(mean)) minutes) with a distribution.</summary>
public sealed record IncidentProfile(
    IncidentType Type,
    double Weight,
    IReadOnlyDictionary<Severity, double> SeverityMix,
    IReadOnlyDictionary<Severity, double> MeanWorkMinutes,
    IReadOnlyList<string> Clusters,
    string SummaryTemplate,
    CrossDeskNeed? Need = null,
    string Skill = "",
    IReadOnlyDictionary<Severity, WorkTimeDistribution>? WorkTimes = null);

/// <summary>Help only one desk can give: hands on its site, or its customers' approval.</summary>
public sealed record CrossDeskNeed(AssistKind Kind, string DeskId);

/// <summary>The kinds of incident an AI infrastructure operation raises, with their mixes.</summary>
public sealed class IncidentCatalogue
{
    public IncidentCatalogue(IReadOnlyList<IncidentProfile> profiles)
    {
        if (profiles.Count == 0 || profiles.Any(p => p.Weight <= 0 || p.SeverityMix.Count == 0 || p.Clusters.Count == 0))
        {
            throw new ArgumentException("every incident profile needs a positive weight, a severity mix and a cluster", nameof(profiles));
        }

        Profiles = profiles;
    }

    public IReadOnlyList<IncidentProfile> Profiles { get; }

    /// <summary>Every skill some incident type needs, in catalogue order.</summary>
    public IReadOnlyList<string> Skills => Profiles.Select(p => p.Skill).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The profile of a type; a type the catalogue lacks has no particular needs.</summary>
    public IncidentProfile? For(IncidentType type) => Profiles.FirstOrDefault(p => p.Type == type);

    // Declared before Default: static fields initialise in text order.
    private static readonly Dictionary<Severity, double> DefaultWork = new()
    {
        [Severity.Sev1] = 120,
        [Severity.Sev2] = 60,
        [Severity.Sev3] = 30,
        [Severity.Sev4] = 20,
    };

    // Hardware lives in the Kuala Lumpur data centre; the customers (and their approvals) in the US.
    private static readonly CrossDeskNeed MalaysianSiteHands = new(AssistKind.SiteHands, "my");
    private static readonly CrossDeskNeed UsOwnerApproval = new(AssistKind.OwnerApproval, "us");

    /// <summary>Who approves room on the Malaysian GPU clusters for a large workload.</summary>
    public static CrossDeskNeed ClusterCapacity { get; } = new(AssistKind.CapacityApproval, "my");

    /// <summary>Workloads on at least this many GPUs need the cluster desk's capacity approval.</summary>
    public const int GpusNeedingCapacityApproval = 64;

    /// <summary>A small catalogue of a GPU operation split between a Malaysian training site and
    /// US inference regions. Work times are means of an exponential distribution, in minutes.
    /// Hardware faults need hands on the Malaysian site; a drifting customer model or a security
    /// alert needs the US owner's approval before anything is changed.</summary>
    public static IncidentCatalogue Default { get; } = new(
    [
        Profile(IncidentType.GpuNodeFailure, 3, (Severity.Sev2, 0.3), (Severity.Sev3, 0.7), ["kul-gpu-a", "kul-gpu-b"], "Xid 79 on {0}: GPU fell off the bus") with { Need = MalaysianSiteHands, Skill = "gpu-hardware" },
        Profile(IncidentType.TrainingJobStalled, 2, (Severity.Sev2, 0.2), (Severity.Sev3, 0.8), ["kul-gpu-a", "kul-gpu-b"], "Training step time flat on {0}") with { Skill = "ml-training" },
        Profile(IncidentType.CheckpointStorageFull, 1, (Severity.Sev2, 0.5), (Severity.Sev3, 0.5), ["kul-storage-1"], "Checkpoint volume above 95% on {0}") with { Skill = "storage" },
        Profile(IncidentType.ModelDrift, 1, (Severity.Sev3, 0.6), (Severity.Sev4, 0.4), ["iad-inference-1"], "Fraud-detection model drift on {0}") with { Need = UsOwnerApproval, Skill = "ml-models" },
        Profile(IncidentType.InferenceLatencySloBreach, 2, (Severity.Sev1, 0.1), (Severity.Sev2, 0.5), (Severity.Sev3, 0.4), ["iad-inference-1", "sjc-inference-2"], "p99 latency over SLO on {0}") with { Skill = "inference" },
        Profile(IncidentType.DataPipelineLag, 2, (Severity.Sev3, 0.7), (Severity.Sev4, 0.3), ["kul-etl-1"], "Feature pipeline lag on {0}") with { Skill = "data-pipelines" },
        Profile(IncidentType.DataCentrePowerAlarm, 0.3, (Severity.Sev1, 0.5), (Severity.Sev2, 0.5), ["kul-dc-1"], "PDU alarm in {0}") with { Need = MalaysianSiteHands, Skill = "facilities" },
        Profile(IncidentType.DataCentreCoolingAlarm, 0.4, (Severity.Sev1, 0.3), (Severity.Sev2, 0.7), ["kul-dc-1"], "CRAH return temperature high in {0}") with { Need = MalaysianSiteHands, Skill = "facilities" },
        Profile(IncidentType.SecurityAlert, 0.5, (Severity.Sev1, 0.2), (Severity.Sev2, 0.4), (Severity.Sev3, 0.4), ["kul-gpu-a", "iad-inference-1"], "Unexpected SSH key on {0}") with { Need = UsOwnerApproval, Skill = "security" },
    ]);

    private static IncidentProfile Profile(IncidentType type, double weight, (Severity, double) a, (Severity, double) b, IReadOnlyList<string> clusters, string summary) =>
        new(type, weight, new Dictionary<Severity, double> { [a.Item1] = a.Item2, [b.Item1] = b.Item2 }, DefaultWork, clusters, summary);

    private static IncidentProfile Profile(IncidentType type, double weight, (Severity, double) a, (Severity, double) b, (Severity, double) c, IReadOnlyList<string> clusters, string summary) =>
        new(type, weight, new Dictionary<Severity, double> { [a.Item1] = a.Item2, [b.Item1] = b.Item2, [c.Item1] = c.Item2 }, DefaultWork, clusters, summary);
}
