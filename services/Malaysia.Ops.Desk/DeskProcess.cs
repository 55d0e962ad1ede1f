using System.Diagnostics;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Contracts;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Desk;

/// <summary>
/// One desk in a process: its <see cref="DeskCore"/> behind a lock (consumers and the
/// <see cref="DeskClockLoop"/> call in on different threads), with what belongs to the process
/// rather than the desk: redeliveries taken once, assignments left in the queue by the desk's
/// previous process, the wall and simulated clocks, the trace each message goes out under, and
/// the log. On RabbitMQ the process may be one of several on the desk's queue, of which the
/// broker hands messages to one only: until a delivery shows it is that one, it is a hot standby
/// that says and does nothing (<see cref="WaitForActivation"/>).
/// </summary>
public sealed class DeskProcess
{
    // How far apart the clocks of two machines may be: an assignment decided before this process
    // started (less this) waited in the queue for the desk's previous process, and dispatch gives
    // a restarted desk again whatever it still owns, so the stale copy is not taken (it may have
    // been given to another desk meanwhile).
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private readonly DeskCore core;
    private readonly DeskTraces traces;
    private readonly ILogger logger;
    private readonly TaskCompletionSource activation = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset processStartedWall;
    private bool waitsForActivation;

    // Assignments and briefed items the desk has taken, so a redelivered message changes nothing
    // (not even for an incident resolved since).
    private readonly HashSet<string> assignmentsTaken = new(StringComparer.Ordinal);
    private readonly HashSet<(string HandoffId, string IncidentId)> briefedItemsTaken = [];

    public DeskProcess(DeskOptions options, SimulationClock clock, int seed, ILogger logger)
    {
        Options = options;
        Clock = clock;
        this.logger = logger;
        processStartedWall = clock.Wall.GetUtcNow();
        Instance = Guid.NewGuid();
        core = new DeskCore(options, seed, Instance);
        traces = new DeskTraces(options.Id, core.DisplayName);
        Alarm = clock.CreateAlarm(core.DisplayName);
    }

    public DeskOptions Options { get; }

    public string DeskId => Options.Id;

    public SimulationClock Clock { get; }

    /// <summary>This process's life of the desk, as its reports name it to dispatch.</summary>
    public Guid Instance { get; }

    /// <summary>Completes when this process is the desk's active one: at once, unless it
    /// <see cref="WaitForActivation">waits for activation</see>. Until then nothing of the desk
    /// runs: no start report, no heartbeat, no timers.</summary>
    public Task Active
    {
        get
        {
            lock (gate)
            {
                return waitsForActivation ? activation.Task : Task.CompletedTask;
            }
        }
    }

    /// <summary>Whether this process waits to be made the active one and has not been yet.</summary>
    public bool StandingBy
    {
        get
        {
            lock (gate)
            {
                return waitsForActivation && !activation.Task.IsCompleted;
            }
        }
    }

    public int OpenCount
    {
        get
        {
            lock (gate)
            {
                return core.OpenCount;
            }
        }
    }

    /// <summary>The clock loop's alarm, rung whenever the desk took something in.</summary>
    internal Alarm Alarm { get; }

    /// <summary>Makes this process a hot standby of the desk: active only once
    /// <see cref="Activate"/> is called. Set before the process's loops start.</summary>
    public void WaitForActivation()
    {
        lock (gate)
        {
            waitsForActivation = true;
        }
    }

    /// <summary>The broker handed this process a delivery from the desk's queue, so it is the
    /// active one. The first time, the desk starts from here: assignments decided before now
    /// waited for the process that was active before, and dispatch gives this one again whatever
    /// the desk still owns once it reports that it started.</summary>
    public void Activate()
    {
        if (activation.Task.IsCompleted)
        {
            return;
        }

        lock (gate)
        {
            if (!waitsForActivation || activation.Task.IsCompleted)
            {
                return;
            }

            processStartedWall = Clock.Wall.GetUtcNow();
            logger.LogInformation("This {Desk} process ({Instance}) is the desk's active process from {At:O}: it takes the desk's queue and its open work from dispatch", core.DisplayName, Instance, processStartedWall);
            activation.SetResult();
        }
    }

    /// <summary>What the desk says when its process starts.</summary>
    public IReadOnlyList<OutgoingMessage> Start()
    {
        lock (gate)
        {
            return Outgoing(core.Start(Clock.GetUtcNow()));
        }
    }

    /// <summary>The desk's mode and faults as they are now, for the heartbeat.</summary>
    public OutgoingMessage ReportState()
    {
        lock (gate)
        {
            return traces.Outgoing(core.ReportState(Clock.GetUtcNow()));
        }
    }

    public DateTimeOffset? NextDueAt()
    {
        lock (gate)
        {
            return core.NextDueAt();
        }
    }

    /// <summary>Everything that has fallen due by now, as messages.</summary>
    public IReadOnlyList<OutgoingMessage> Advance()
    {
        lock (gate)
        {
            return Outgoing(core.Advance(Clock.GetUtcNow()));
        }
    }

    /// <summary>A message for this desk, consumed under <paramref name="trace"/>; what the desk
    /// sends because of it. A redelivery, or an assignment that waited for the previous process,
    /// changes nothing.</summary>
    public IReadOnlyList<OutgoingMessage> Consume(IOpsMessage message, ActivityContext trace)
    {
        lock (gate)
        {
            var admitted = Admitted(message);
            if (admitted is null)
            {
                return [];
            }

            var forwarding = admitted is IncidentAssigned a && core.HasHandedOver(a.ShiftId);
            traces.Heard(admitted, trace, forwarding);
            var sent = Outgoing(core.Apply(admitted, Clock.GetUtcNow()));
            Taken(admitted);
            if (admitted is IncidentEscalated escalation && !core.Holds(escalation.IncidentId))
            {
                // Passed on or dropped: its trace leaves with it.
                traces.Forget(escalation.IncidentId);
            }

            Alarm.Ring();
            return sent;
        }
    }

    /// <summary>The message as the desk is to take it: null when it is a redelivery or stale; a
    /// briefing with only the items not taken before.</summary>
    private IOpsMessage? Admitted(IOpsMessage message)
    {
        switch (message)
        {
            case IncidentAssigned assigned when !core.HasHandedOver(assigned.ShiftId):
                if (!Clock.IsVirtual && assigned.SentAtWall is { } sent && sent < processStartedWall - ClockTolerance)
                {
                    logger.LogInformation("{Incident}: an assignment decided at {Sent:O}, before this {Desk} process started, is not taken; dispatch gives a restarted desk what it still owns", assigned.IncidentId, sent, core.DisplayName);
                    return null;
                }

                return assignmentsTaken.Contains(AssignmentKey(assigned)) ? null : assigned;
            case HandoffBriefing briefing:
                return briefing with { Items = briefing.Items.Where(i => !briefedItemsTaken.Contains((briefing.HandoffId, i.IncidentId))).ToList() };
            default:
                return message;
        }
    }

    /// <summary>Records what the desk took, once it has: what failed before then is taken when it
    /// is redelivered. An assignment counts once the desk holds its incident (not one it
    /// forwarded, or kept while stopped).</summary>
    private void Taken(IOpsMessage message)
    {
        switch (message)
        {
            case IncidentAssigned assigned when core.Holds(assigned.IncidentId):
                assignmentsTaken.Add(AssignmentKey(assigned));
                break;
            case HandoffBriefing briefing:
                briefedItemsTaken.UnionWith(briefing.Items.Select(i => (briefing.HandoffId, i.IncidentId)));
                break;
        }
    }

    /// <summary>What the desk sends, stamped with the wall time and under its spans; what it
    /// noted meanwhile goes to the log.</summary>
    private List<OutgoingMessage> Outgoing(IReadOnlyList<IOpsMessage> messages)
    {
        foreach (var note in core.TakeNotes())
        {
            logger.Log(note.Warning ? LogLevel.Warning : LogLevel.Information, "{Note}", note.Text);
        }

        var wall = Clock.Wall.GetUtcNow();
        return messages.Select(m => traces.Outgoing(DeskWallStamps.Stamp(m, wall))).ToList();
    }

    private static string AssignmentKey(IncidentAssigned assigned) => $"{assigned.IncidentId}@{assigned.ShiftId}";
}
