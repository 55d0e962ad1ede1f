using System.Diagnostics.Metrics;

namespace Malaysia.Ops.ServiceDefaults.Telemetry;

/// <summary>
/// The product's own metrics. Created from the host's meter factory, so that each host (and each
/// test host in one process) has its own instruments under the "Malaysia.Ops" meter. Names are
/// what the dashboards query, after the Prometheus exporter's translation (dots to underscores,
/// unit suffixes, "_total" on counters).
/// </summary>
public sealed class OpsMetrics
{
    private readonly Meter meter;

    public OpsMetrics(IMeterFactory meters)
    {
        meter = meters.Create(OpsTelemetry.Name);
        HandoffItemLatencySimulated = meter.CreateHistogram<double>("ops.handoff.item.latency.simulated", "min", "Simulated minutes from the shift end to a handoff item being accepted");
        HandoffItemLatencyWall = meter.CreateHistogram<double>("ops.handoff.item.latency.wall", "ms", "Wall milliseconds from the briefing being sent to a handoff item being accepted");
        IncidentsRaised = meter.CreateCounter<long>("ops.incidents.raised", description: "Incidents raised and booked in the ledger");
        IncidentsResolved = meter.CreateCounter<long>("ops.incidents.resolved", description: "Incidents resolved");
        HandoffEscalations = meter.CreateCounter<long>("ops.handoff.escalations", description: "Handoff items (or whole briefings) nobody took over in time");
        WorkTakenFromDownDesks = meter.CreateCounter<long>("ops.incidents.taken_from_down_desks", description: "Open incidents given to a desk that is up because the desk holding them was down when its handoff closed");
        SlaBreaches = meter.CreateCounter<long>("ops.sla.breaches", description: "Incidents acknowledged or resolved later than their severity's service level");
        MessagesRefused = meter.CreateCounter<long>("ops.messages.refused", description: "Messages refused to the error queue: from a sender that may not send them, about an incident the sender does not hold, or reusing another message's id");
        RedeliveriesDiscarded = meter.CreateCounter<long>("ops.messages.redeliveries_discarded", description: "Messages delivered again under an id already applied, with the same content, and not applied twice");
    }

    public Histogram<double> HandoffItemLatencySimulated { get; }

    public Histogram<double> HandoffItemLatencyWall { get; }

    public Counter<long> IncidentsRaised { get; }

    public Counter<long> IncidentsResolved { get; }

    public Counter<long> HandoffEscalations { get; }

    /// <summary>Tagged "desk": the desk that was down.</summary>
    public Counter<long> WorkTakenFromDownDesks { get; }

    /// <summary>Tagged "severity" and "stage" (acknowledge or resolve).</summary>
    public Counter<long> SlaBreaches { get; }

    /// <summary>Tagged "message" (its type) and "reason" (what was wrong with it).</summary>
    public Counter<long> MessagesRefused { get; }

    /// <summary>Tagged "message" (its type).</summary>
    public Counter<long> RedeliveriesDiscarded { get; }

    /// <summary>Reports the open incidents of each desk this process runs.</summary>
    public void ObserveOpenIncidents(Func<IEnumerable<(string DeskId, int Open)>> desks) =>
        meter.CreateObservableGauge(
            "ops.incidents.open",
            () => desks().Select(d => new Measurement<int>(d.Open, new KeyValuePair<string, object?>("desk", d.DeskId))),
            description: "Incidents a desk holds (queued, in progress or awaiting acceptance)");
}
