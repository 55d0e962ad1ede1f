using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Workloads;

namespace Malaysia.Ops.Workload;

/// <summary>What the workload service announces for an item of its seeded streams: the same
/// messages whether the bus carries them or the simulator's direct engine delivers them.</summary>
public static class WorkloadEventMessages
{
    /// <summary>An arrival of the incident stream (or of a failed workload) as raised.</summary>
    public static IncidentRaised Raised(IncidentArrival arrival) =>
        new(arrival.IncidentId, arrival.Type, arrival.Severity, arrival.ClusterId, arrival.Summary, arrival.WorkMinutes, arrival.At);

    /// <summary>A customer's workload event as announced: submitted, progressed, completed or failed.</summary>
    public static IOpsMessage Announcement(WorkloadEvent e) => e switch
    {
        WorkloadStarted started => new WorkloadSubmitted(started.WorkloadId, started.Customer, started.Kind, started.ClusterId, started.GpuCount, started.At),
        WorkloadAdvanced advanced => new WorkloadProgressed(advanced.WorkloadId, advanced.PercentComplete, advanced.At),
        WorkloadFinished finished => new WorkloadCompleted(finished.WorkloadId, finished.At),
        WorkloadBroke broke => new WorkloadFailed(broke.WorkloadId, broke.Reason, broke.Incident.IncidentId, broke.At),
        _ => throw new ArgumentException($"no announcement for workload event {e.GetType().Name}", nameof(e)),
    };
}
