using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Domain.Ledger;

/// <summary>The figures of a run, computed from dispatch's ledger and handoff book.</summary>
public sealed record RunSummary(
    int IncidentsRaised,
    int IncidentsResolved,
    int IncidentsOpen,
    int IncidentsArrivedInCoverageGap,
    int IncidentsHandedOverMoreThanOnce,
    int Handoffs,
    int HandoffsCompleted,
    int HandoffsEscalated,
    IReadOnlyDictionary<string, int> HandoffsByDirection,
    int HandoffItems,
    int HandoffItemsEscalated,
    LatencyFigures HandoffLatencySimulatedMinutes,
    LatencyFigures HandoffLatencyWallMilliseconds,
    LatencyFigures ItemLatencySimulatedMinutes,
    LatencyFigures ItemLatencyWallMilliseconds,
    int DuplicatesIgnored,
    int UnknownIncidentEvents,
    IReadOnlyDictionary<string, SlaFigures> SlaBySeverity,
    int HandoffOmissions = 0,
    int HandoffQueries = 0,
    int HandoffSurprises = 0,
    int IncidentsEscalatedToAnotherDesk = 0,
    int IncidentsPaged = 0,
    int CrossDeskAssists = 0,
    int ExternalAssists = 0,
    LatencyFigures? AssistWaitMinutes = null,
    int WorkloadsSubmitted = 0,
    int WorkloadsCompleted = 0,
    int WorkloadsFailed = 0,
    int CapacityRequests = 0)
{
    /// <summary>The figures as of <paramref name="asOf"/> (simulated): an incident still open
    /// past its target by then counts as a breach.</summary>
    public static RunSummary From(IncidentLedger ledger, HandoffBook book, DateTimeOffset asOf, AssistBook? assists = null, WorkloadBook? workloads = null, ServiceLevels? levels = null) =>
        Of(ledger.All.ToList(), book.All.ToList(), asOf, assists, workloads, levels) with
        {
            DuplicatesIgnored = ledger.DuplicatesIgnored,
            UnknownIncidentEvents = ledger.UnknownIncidentEvents,
        };

    /// <summary>The figures of the given incidents and handoffs as of <paramref name="asOf"/>
    /// (simulated), with none of the ledger's own counts of duplicates and unknown events.</summary>
    public static RunSummary Of(IReadOnlyList<IncidentRecord> incidents, IReadOnlyList<HandoffRecord> handoffs, DateTimeOffset asOf, AssistBook? assists = null, WorkloadBook? workloads = null, ServiceLevels? levels = null)
    {
        var helps = assists?.All.ToList() ?? [];
        var items = handoffs.SelectMany(h => h.Items).ToList();
        return new RunSummary(
            IncidentsRaised: incidents.Count,
            IncidentsResolved: incidents.Count(i => i.Status == IncidentStatus.Resolved),
            IncidentsOpen: incidents.Count(i => i.Status == IncidentStatus.Open),
            IncidentsArrivedInCoverageGap: incidents.Count(i => i.ArrivedInCoverageGap),
            IncidentsHandedOverMoreThanOnce: incidents.Count(i => i.TimesHandedOver > 1),
            Handoffs: handoffs.Count,
            HandoffsCompleted: handoffs.Count(h => h.Status == HandoffStatus.Completed),
            HandoffsEscalated: handoffs.Count(h => h.Status == HandoffStatus.Escalated),
            HandoffsByDirection: handoffs
                .GroupBy(h => h.Direction, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            HandoffItems: items.Count,
            HandoffItemsEscalated: items.Count(i => i.Escalated),
            HandoffLatencySimulatedMinutes: LatencyFigures.Of(handoffs.Where(h => h.LatencySimulatedMinutes is not null).Select(h => h.LatencySimulatedMinutes!.Value)),
            HandoffLatencyWallMilliseconds: LatencyFigures.Of(handoffs.Where(h => h.LatencyWallMilliseconds is not null).Select(h => h.LatencyWallMilliseconds!.Value)),
            ItemLatencySimulatedMinutes: LatencyFigures.Of(items.Where(i => i.LatencySimulatedMinutes is not null).Select(i => i.LatencySimulatedMinutes!.Value)),
            ItemLatencyWallMilliseconds: LatencyFigures.Of(items.Where(i => i.LatencyWallMilliseconds is not null).Select(i => i.LatencyWallMilliseconds!.Value)),
            DuplicatesIgnored: 0,
            UnknownIncidentEvents: 0,
            SlaBySeverity: incidents
                .GroupBy(i => i.Severity)
                .OrderBy(g => g.Key)
                .ToDictionary(g => g.Key.ToString(), g => SlaFigures.Of(g, levels ?? ServiceLevels.Default, asOf), StringComparer.Ordinal),
            HandoffOmissions: handoffs.Sum(h => h.Omissions),
            HandoffQueries: handoffs.Sum(h => h.Queries),
            HandoffSurprises: handoffs.Sum(h => h.Surprises),
            IncidentsEscalatedToAnotherDesk: incidents.Count(i => i.EscalatedToDeskId is not null),
            IncidentsPaged: incidents.Count(i => i.Paged),
            CrossDeskAssists: helps.Count(a => !a.External && a.Kind != AssistKind.CapacityApproval),
            ExternalAssists: helps.Count(a => a.External && a.Kind != AssistKind.CapacityApproval),
            AssistWaitMinutes: LatencyFigures.Of(helps.Where(a => a.WaitMinutes is not null && a.Kind != AssistKind.CapacityApproval).Select(a => a.WaitMinutes!.Value)),
            WorkloadsSubmitted: workloads?.Submitted ?? 0,
            WorkloadsCompleted: workloads?.Completed ?? 0,
            WorkloadsFailed: workloads?.Failed ?? 0,
            CapacityRequests: helps.Count(a => a.Kind == AssistKind.CapacityApproval));
    }
}
