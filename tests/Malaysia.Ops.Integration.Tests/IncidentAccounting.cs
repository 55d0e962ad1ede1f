using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// The ledger invariant of a fault test, checked from outside the services: two witnesses on
/// the broker record every incident raised and every resolution; once the run has stopped
/// raising, every incident raised must be in dispatch's ledger once and resolved, and none
/// resolved twice.
/// </summary>
internal sealed class IncidentAccounting : IAsyncDisposable
{
    private readonly BrokerAudit raised;
    private readonly BrokerAudit resolved;

    private IncidentAccounting(BrokerAudit raised, BrokerAudit resolved)
    {
        this.raised = raised;
        this.resolved = resolved;
    }

    /// <summary>Starts the witnesses; before the services, so nothing raised goes unseen.</summary>
    public static async Task<IncidentAccounting> StartAsync(OperationProcesses operation)
    {
        var raised = await BrokerAudit.StartAsync(operation.Witness, "IncidentRaised", "incidentId");
        try
        {
            return new IncidentAccounting(raised, await BrokerAudit.StartAsync(operation.Witness, "IncidentResolved", "incidentId"));
        }
        catch
        {
            await raised.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the workload, which must exit cleanly; waits until the ledger holds as many incidents as
    /// were raised, all resolved, and counts what is missing and what was resolved twice.</summary>
    public async Task<IncidentAccount> SettleAsync(OperationProcesses operation, ServiceProcess workload)
    {
        Assert.Equal(0, await workload.StopAsync(TimeSpan.FromSeconds(30)));
        var raisedIds = raised.Seen.Keys.Order(StringComparer.Ordinal).ToList();
        var ledger = await operation.WaitForSnapshotAsync(
            s => s.Incidents.Count >= raisedIds.Count && s.Incidents.All(i => i.Status == IncidentStatus.Resolved),
            "every incident to be resolved",
            TimeSpan.FromMinutes(2));
        var lost = raisedIds.Count(id => ledger.Incidents.All(i => i.IncidentId != id));
        var doubled = resolved.Seen.Count(r => r.Value > 1);
        return new IncidentAccount(ledger, raisedIds, lost, doubled);
    }

    public async ValueTask DisposeAsync()
    {
        await resolved.DisposeAsync();
        await raised.DisposeAsync();
    }
}

/// <summary>What a fault test's run came to: the final ledger, the incidents the broker carried
/// as raised, how many of them the ledger lacks, and how many were resolved more than once.</summary>
internal sealed record IncidentAccount(LedgerSnapshot Ledger, IReadOnlyList<string> Raised, int Lost, int Doubled)
{
    public override string ToString() =>
        $"raised {Raised.Count}, accounted {Ledger.Incidents.Count}, resolved {Ledger.Incidents.Count(i => i.Status == IncidentStatus.Resolved)}, lost {Lost}, double-handled {Doubled}";

    /// <summary>The figures for the reliability report, for one fault injected.</summary>
    public ReliabilityFigures Figures(string fault, double recoverySeconds) =>
        new(fault, 1, Raised.Count, Ledger.Incidents.Count, Lost, Doubled, recoverySeconds);

    /// <summary>Every incident raised is in the ledger exactly once, and none was resolved twice.</summary>
    public void AssertEveryIncidentAccountedForOnce()
    {
        Assert.Equal(0, Lost);
        Assert.Equal(0, Doubled);
        Assert.Equal(Raised, Ledger.Incidents.Select(i => i.IncidentId).Order(StringComparer.Ordinal));
    }
}
