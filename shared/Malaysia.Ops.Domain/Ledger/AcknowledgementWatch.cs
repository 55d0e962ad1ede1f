using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Domain.Ledger;

/// <summary>
/// Watches every incident's acknowledgement target and says which are at risk: still open,
/// unacknowledged and not yet escalated when <c>fraction</c> of the target has passed. Checks are
/// kept in time order, so finding the next one costs nothing however many incidents are open.
/// </summary>
public sealed class AcknowledgementWatch(double fraction, ServiceLevels levels)
{
    private readonly PriorityQueue<string, (DateTimeOffset At, long Order)> checks = new();
    private long order;

    /// <summary>Starts watching a raised incident.</summary>
    public void Watch(IncidentRecord incident) =>
        checks.Enqueue(incident.IncidentId, (incident.RaisedAt + (levels.For(incident.Severity).AcknowledgeWithin * fraction), order++));

    /// <summary>When the next incident may be at risk; null when none is watched.</summary>
    public DateTimeOffset? NextCheck(IncidentLedger ledger)
    {
        DropSettled(ledger);
        return checks.TryPeek(out _, out var key) ? key.At : null;
    }

    /// <summary>The incidents at risk by <paramref name="now"/>, in the order they became so.</summary>
    public IReadOnlyList<IncidentRecord> AtRisk(DateTimeOffset now, IncidentLedger ledger)
    {
        var due = new List<IncidentRecord>();
        while (checks.TryPeek(out var id, out var key) && key.At <= now)
        {
            checks.Dequeue();
            if (ledger.Find(id) is { } incident && NeedsEscalation(incident))
            {
                due.Add(incident);
            }
        }

        return due;
    }

    private void DropSettled(IncidentLedger ledger)
    {
        while (checks.TryPeek(out var id, out _) && (ledger.Find(id) is not { } incident || !NeedsEscalation(incident)))
        {
            checks.Dequeue();
        }
    }

    private static bool NeedsEscalation(IncidentRecord incident) =>
        incident.Status == IncidentStatus.Open && incident.AcknowledgedAt is null && incident.EscalatedToDeskId is null && !incident.Paged;
}
