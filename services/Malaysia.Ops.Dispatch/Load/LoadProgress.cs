using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults.Telemetry;

namespace Malaysia.Ops.Dispatch.Load;

/// <summary>
/// Synthetic load as dispatch books it, end to end. For each load incident (the load driver's
/// ids, <see cref="IncidentIds.LoadPrefix"/>): the wall time from its raise (when the workload
/// sent it) to its assignment (when dispatch had it published), to its acknowledgement and to
/// its resolution (when the desk sent each); and how many reached each stage. Each stage counts
/// once per incident, whatever is delivered again; an incident is forgotten once resolved.
/// </summary>
public sealed class LoadProgress(SimulationClock clock)
{
    // A resolution waits for an engineer: on a loaded desk that can be long, but past an hour
    // of wall time it is a backlog, not a latency.
    private static readonly TimeSpan Highest = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Followed> open = new(StringComparer.Ordinal);
    private long raised;
    private long assigned;
    private long acknowledged;
    private long resolved;

    public LatencyHistogram ToAssigned { get; } = new(Highest);

    public LatencyHistogram ToAcknowledged { get; } = new(Highest);

    public LatencyHistogram ToResolved { get; } = new(Highest);

    public long Raised => Interlocked.Read(ref raised);

    public long Assigned => Interlocked.Read(ref assigned);

    public long Acknowledged => Interlocked.Read(ref acknowledged);

    public long Resolved => Interlocked.Read(ref resolved);

    public static bool IsLoad(string incidentId) => incidentId.StartsWith(IncidentIds.LoadPrefix, StringComparison.Ordinal);

    /// <summary>A load incident booked; <paramref name="sentAt"/> is when the workload sent it
    /// (now when the message does not say).</summary>
    public void OnRaised(string incidentId, DateTime? sentAt)
    {
        if (!IsLoad(incidentId))
        {
            return;
        }

        lock (gate)
        {
            if (!open.TryAdd(incidentId, new Followed(At(sentAt))))
            {
                return;
            }
        }

        Interlocked.Increment(ref raised);
    }

    /// <summary>The incident's assignment reached the broker.</summary>
    public void OnAssigned(string incidentId) => Reached(incidentId, Stage.Assigned, clock.Wall.GetUtcNow());

    public void OnAcknowledged(string incidentId, DateTime? sentAt) => Reached(incidentId, Stage.Acknowledged, At(sentAt));

    public void OnResolved(string incidentId, DateTime? sentAt)
    {
        if (!IsLoad(incidentId))
        {
            return;
        }

        Followed? followed;
        lock (gate)
        {
            if (!open.Remove(incidentId, out followed))
            {
                return;
            }
        }

        // Dispatch notes an assignment once its publish is confirmed and handles messages side
        // by side, so a quick desk's resolution can come before that note or before its own
        // acknowledgement is handled. Both stages were passed all the same (the desk got the
        // assignment from the broker), so they count, without a latency.
        foreach (var passed in new[] { Stage.Assigned, Stage.Acknowledged }.Where(s => !followed.Reached.HasFlag(s)))
        {
            Count(passed);
        }

        ToResolved.Record(At(sentAt) - followed.RaisedAt);
        Interlocked.Increment(ref resolved);
    }

    /// <summary>Load incidents booked and not resolved yet.</summary>
    public int Open
    {
        get
        {
            lock (gate)
            {
                return open.Count;
            }
        }
    }

    private void Reached(string incidentId, Stage stage, DateTimeOffset at)
    {
        if (!IsLoad(incidentId))
        {
            return;
        }

        DateTimeOffset raisedAt;
        lock (gate)
        {
            if (!open.TryGetValue(incidentId, out var followed) || followed.Reached.HasFlag(stage))
            {
                return;
            }

            followed.Reached |= stage;
            raisedAt = followed.RaisedAt;
        }

        (stage == Stage.Assigned ? ToAssigned : ToAcknowledged).Record(at - raisedAt);
        Count(stage);
    }

    private void Count(Stage stage)
    {
        if (stage == Stage.Assigned)
        {
            Interlocked.Increment(ref assigned);
        }
        else
        {
            Interlocked.Increment(ref acknowledged);
        }
    }

    private DateTimeOffset At(DateTime? sentAt) =>
        sentAt is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : clock.Wall.GetUtcNow();

    /// <summary>The stages between raise and resolution that an incident has passed.</summary>
    [Flags]
    private enum Stage
    {
        None = 0,
        Assigned = 1,
        Acknowledged = 2,
    }

    private sealed class Followed(DateTimeOffset raisedAt)
    {
        public DateTimeOffset RaisedAt { get; } = raisedAt;

        public Stage Reached { get; set; }
    }
}
