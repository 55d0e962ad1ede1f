using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Domain.Ledger;

/// <summary>Everything dispatch knows at one instant: what it writes to its snapshot file and
/// what the simulator reports from.</summary>
public sealed record LedgerSnapshot(
    string RunId,
    DateTimeOffset SimulatedAt,
    DateTimeOffset WrittenAtWall,
    RunSummary Summary,
    IReadOnlyList<IncidentRecord> Incidents,
    IReadOnlyList<HandoffRecord> Handoffs)
{
    public static LedgerSnapshot Of(string runId, DateTimeOffset simulatedAt, DateTimeOffset wallNow, IncidentLedger ledger, HandoffBook book, AssistBook? assists = null, WorkloadBook? workloads = null, ServiceLevels? levels = null) =>
        new(runId, simulatedAt, wallNow, RunSummary.From(ledger, book, simulatedAt, assists, workloads, levels), ledger.All.ToList(), book.All.ToList());
}
