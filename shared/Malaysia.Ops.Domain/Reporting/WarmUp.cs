using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Reporting;

/// <summary>
/// Leaves a run's warm-up out of its ledger: the desks start empty, so the first hours are not
/// typical of the operation. Incidents raised before <c>measuredFrom</c> are dropped, and so are
/// handoffs at shift ends before it and the dropped incidents' items in later handoffs; the
/// incident and handoff figures of the summary are worked out again from what is left. Help and
/// workload counts have no records in the ledger and stay those of the whole run.
/// </summary>
public static class WarmUp
{
    public static LedgerSnapshot Exclude(LedgerSnapshot ledger, DateTimeOffset measuredFrom, ServiceLevels? levels)
    {
        var incidents = ledger.Incidents.Where(i => i.RaisedAt >= measuredFrom).ToList();
        var measured = incidents.Select(i => i.IncidentId).ToHashSet(StringComparer.Ordinal);
        var handoffs = ledger.Handoffs
            .Where(h => h.ShiftEndsAt >= measuredFrom)
            .Select(h => h with { Items = h.Items.Where(i => measured.Contains(i.IncidentId)).ToList() })
            .ToList();
        var whole = ledger.Summary;
        var summary = RunSummary.Of(incidents, handoffs, ledger.SimulatedAt, levels: levels) with
        {
            DuplicatesIgnored = whole.DuplicatesIgnored,
            UnknownIncidentEvents = whole.UnknownIncidentEvents,
            CrossDeskAssists = whole.CrossDeskAssists,
            ExternalAssists = whole.ExternalAssists,
            AssistWaitMinutes = whole.AssistWaitMinutes,
            WorkloadsSubmitted = whole.WorkloadsSubmitted,
            WorkloadsCompleted = whole.WorkloadsCompleted,
            WorkloadsFailed = whole.WorkloadsFailed,
            CapacityRequests = whole.CapacityRequests,
        };
        return ledger with { Summary = summary, Incidents = incidents, Handoffs = handoffs };
    }
}
