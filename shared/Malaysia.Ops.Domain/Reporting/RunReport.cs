using Malaysia.Ops.Domain.Forecast;
using Malaysia.Ops.Domain.HandoffScoring;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Reporting;

/// <summary>
/// Everything a run found out, in the shape written to report.json (documented in
/// docs/report.md; fields are only ever added) and drawn in report.html: the scenario, the
/// figures of its own desk topology, and the same figures for each topology it is compared with
/// on the same incident stream, and the coverage forecast of its desks for the 52 weeks from
/// its first day (null where none was made). A replicated run adds <paramref name="Replications"/>;
/// its <paramref name="Run"/> and <paramref name="Comparison"/> are those of replication 0.
/// The solve command adds <paramref name="Staffing"/>, its report being that of the solved staffing.
/// </summary>
public sealed record RunReport(
    int SchemaVersion,
    ReportScenario Scenario,
    TopologyReport Run,
    IReadOnlyList<TopologyReport> Comparison,
    ReplicationReport? Replications = null,
    IReadOnlyList<ForecastWeek>? Forecast = null,
    StaffingReport? Staffing = null)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The version of a report with replications: a single run's report keeps the
    /// version (and bytes) it always had.</summary>
    public const int ReplicatedSchemaVersion = 2;
}

/// <summary>What was run: the scenario and the options that applied.</summary>
public sealed record ReportScenario(
    string Name,
    string Description,
    DateTimeOffset Start,
    DateTimeOffset End,
    double Days,
    int Seed,
    double IncidentsPerHour,
    string Time);

/// <summary>One desk topology's run: desks and their cost, coverage, the ledger's figures,
/// every handoff, latency histograms and open incidents over time. <paramref name="MeanHandoffScore"/>:
/// the mean quality score of its scored handoffs, to compare topologies and staffing on.
/// <paramref name="Measures"/>: utilisation, queue wait and interruptions, per desk and shift.</summary>
public sealed record TopologyReport(
    string Name,
    string Description,
    IReadOnlyList<DeskReport> Desks,
    double CostPerDay,
    CoverageFigures Coverage,
    RunSummary Summary,
    IReadOnlyList<HandoffLine> Handoffs,
    IReadOnlyList<LatencyHistogram> ItemLatencyByDirection,
    IReadOnlyList<OpenIncidentsSample> OpenIncidents,
    IReadOnlyList<DutyStrip> DayStrip,
    double? MeanHandoffScore = null,
    OperationMeasures? Measures = null);

public sealed record DeskReport(
    string Id,
    string Name,
    string TimeZone,
    IReadOnlyList<string> Shifts,
    int Engineers,
    double EngineerHours,
    double Cost,
    double CostPerDay,
    int IncidentsResolved);

/// <summary>Hours nobody was on duty (and the stretches), hours two desks were, and how many
/// incidents arrived in a gap.</summary>
public sealed record CoverageFigures(
    double GapHours,
    double OverlapHours,
    IReadOnlyList<TimeStretch> Gaps,
    IReadOnlyList<TimeStretch> Overlaps,
    int IncidentsArrivedInGap);

public sealed record TimeStretch(DateTimeOffset From, DateTimeOffset To);

/// <summary>One handoff: when, between whom, how it went, how long its items took, and what
/// context was lost (items briefed without it, asked about, or found out later), and its quality
/// score with its band and parts (null while the handoff is still open).</summary>
public sealed record HandoffLine(
    string HandoffId,
    string Direction,
    DateTimeOffset ShiftEndsAt,
    string Status,
    int Items,
    int ItemsEscalated,
    double? LatencyP50SimulatedMinutes,
    double? LatencyMaxSimulatedMinutes,
    int Omissions,
    int Queries,
    int Surprises,
    int? Score = null,
    HandoffBand? Band = null,
    HandoffScoreParts? ScoreParts = null);

/// <summary>Handoff item latency (simulated minutes, shift end to accepted) in buckets of
/// <paramref name="BucketMinutes"/>: Counts[i] items took [i, i+1) buckets; the last bucket
/// also holds everything longer.</summary>
public sealed record LatencyHistogram(string Direction, double BucketMinutes, IReadOnlyList<int> Counts);

/// <summary>Open incidents held by each desk at an instant (hourly samples).</summary>
public sealed record OpenIncidentsSample(DateTimeOffset At, IReadOnlyDictionary<string, int> ByDesk);

/// <summary>A desk's hours on duty on the run's first day (UTC), as [from, to) hours from
/// midnight UTC; the gaps of that day are listed under the desk id "gap".</summary>
public sealed record DutyStrip(string DeskId, IReadOnlyList<HourRange> OnDuty);

public sealed record HourRange(double From, double To);
