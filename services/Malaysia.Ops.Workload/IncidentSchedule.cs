using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Workload;

/// <summary>
/// Which incidents the run raises when: the scenario's stream, a pure function of the seed, up to
/// <see cref="WorkloadOptions.RaiseUntil"/>. A source starting at <paramref name="startedAt"/>
/// skips what fell due more than <paramref name="catchUp"/> before, so after a restart it carries
/// on with the same incident ids instead of raising new ones under old names; what it repeats,
/// dispatch recognises by id.
/// </summary>
public sealed class IncidentSchedule(WorkloadOptions options, int seed, DateTimeOffset epoch, DateTimeOffset startedAt, TimeSpan catchUp)
{
    private readonly ScheduledStream<IncidentArrival> arrivals = new(
        new IncidentGenerator(IncidentCatalogue.Default, seed, epoch, options.ToProfile(), options.ToScript()).Arrivals(),
        a => a.At,
        options.RaiseUntil,
        startedAt - catchUp);

    /// <summary>When the next incident is raised; null once the stream has ended.</summary>
    public DateTimeOffset? NextDueAt() => arrivals.NextDueAt();

    /// <summary>The incidents raised by <paramref name="now"/>, in order.</summary>
    public IReadOnlyList<IncidentRaised> Advance(DateTimeOffset now) =>
        arrivals.Advance(now)
            .Select(a => new IncidentRaised(a.IncidentId, a.Type, a.Severity, a.ClusterId, a.Summary, a.WorkMinutes, a.At))
            .ToList();
}
