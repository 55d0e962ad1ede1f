using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Workloads;

namespace Malaysia.Ops.Workload;

/// <summary>
/// What US customers' workloads on the Malaysian GPU clusters do when: each submission, its
/// progress and its completion, and, when one fails, the incident it causes. Like the incident
/// stream (<see cref="IncidentSchedule"/>), a pure function of the seed, so a restart carries on
/// with the same workloads.
/// </summary>
public sealed class WorkloadSchedule(WorkloadOptions options, int seed, DateTimeOffset epoch, DateTimeOffset startedAt, TimeSpan catchUp)
{
    private readonly ScheduledStream<WorkloadEvent> events = new(
        new WorkloadGenerator(options.ToWorkloadPolicy(), seed, epoch).Events(),
        e => e.At,
        options.RaiseUntil,
        startedAt - catchUp);

    /// <summary>When the next workload event happens; null once the stream has ended.</summary>
    public DateTimeOffset? NextDueAt() => events.NextDueAt();

    /// <summary>What happened to the workloads by <paramref name="now"/>, in order: a failure is
    /// told, then the incident it raises.</summary>
    public IReadOnlyList<IOpsMessage> Advance(DateTimeOffset now) => events.Advance(now).SelectMany(Messages).ToList();

    private static IEnumerable<IOpsMessage> Messages(WorkloadEvent e) => e switch
    {
        WorkloadStarted started => [new WorkloadSubmitted(started.WorkloadId, started.Customer, started.Kind, started.ClusterId, started.GpuCount, started.At)],
        WorkloadAdvanced advanced => [new WorkloadProgressed(advanced.WorkloadId, advanced.PercentComplete, advanced.At)],
        WorkloadFinished finished => [new WorkloadCompleted(finished.WorkloadId, finished.At)],
        WorkloadBroke broke =>
        [
            new WorkloadFailed(broke.WorkloadId, broke.Reason, broke.Incident.IncidentId, broke.At),
            new IncidentRaised(broke.Incident.IncidentId, broke.Incident.Type, broke.Incident.Severity, broke.Incident.ClusterId, broke.Incident.Summary, broke.Incident.WorkMinutes, broke.Incident.At),
        ],
        _ => throw new InvalidOperationException($"no message for workload event {e.GetType().Name}"),
    };
}
