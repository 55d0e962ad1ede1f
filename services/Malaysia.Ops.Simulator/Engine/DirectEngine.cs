using Malaysia.Ops.Clock;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Desk;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Domain.Workloads;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Simulator.Engine;

/// <summary>
/// A whole run in virtual time without a bus: the decision cores of dispatch and of every desk,
/// called directly, each message handed to the cores that consume it, in one deterministic
/// order, on one thread. What the services' background loops do, one step here does:
/// <list type="bullet">
/// <item>dispatch's <c>ShiftClock</c>: the shift-clock step (the shifts on duty announced at the
/// start, then <see cref="DispatchCoordinator.Advance"/> whenever <see cref="ShiftClock.NextDue"/> comes);</item>
/// <item>each desk's <c>DeskWorkLoop</c>: the desk step (its start reported, then
/// <see cref="DeskRuntime.Advance"/> at <see cref="DeskRuntime.NextDueAt"/> and after each
/// message it took in);</item>
/// <item>the workload's <c>IncidentSource</c> and <c>WorkloadSource</c>: the arrival and workload
/// steps, playing the same seeded streams up to "Workload:RaiseUntil";</item>
/// <item>nothing for dispatch's <c>ClockAnnouncer</c> (a virtual clock is nobody's to follow and
/// no consumer in the run reads the announcement), <c>LedgerSnapshotWriter</c> (no snapshot path
/// in the settings), <c>LedgerStoreStartup</c> (no store in virtual time),
/// <c>LoadProgressReporter</c> and the workload's <c>LoadDriver</c> (a load needs a wall clock),
/// nor each desk's <c>DeskHeartbeat</c> (it returns at once in virtual time, and no desk is
/// ever down: <c>DeskLiveness</c> says so for a virtual clock).</item>
/// </list>
/// Of loops due at one instant the one whose alarm the bus run creates first goes first: the
/// shift clock (the coordinator is resolved before the host starts), the desks in order (the
/// bus builds their endpoints when the incident source asks for it), the incident stream, the
/// workloads. The messages each step publishes are delivered first in, first out, each to
/// dispatch before the desk it names, and a desk that took a message in then does its step.
/// </summary>
public sealed class DirectEngine
{
    private const int ShiftClockLoop = 0;

    // More steps than this at one simulated instant is a loop that never sleeps.
    private const long StepsAtOneInstant = 10_000_000;

    private static readonly IReadOnlyCollection<string> NoDeskDown = [];

    private readonly SimulationClock clock;
    private readonly DispatchCoordinator coordinator;
    private readonly DeskRuntime[] desks;
    private readonly Dictionary<string, DeskRuntime> desksById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<DeskRuntime, int> deskLoops = [];
    private readonly int arrivalLoop;
    private readonly int workloadLoop;
    private readonly DueTimes due;
    private readonly Queue<IOpsMessage> published = new();
    private readonly IEnumerator<IncidentArrival> arrivals;
    private readonly IEnumerator<WorkloadEvent> workloadEvents;
    private readonly DateTimeOffset raiseUntil;
    private readonly ILogger logger;
    private DateTimeOffset cursor;
    private bool arrivalsLeft;
    private bool workloadEventsLeft;
    private long stepsNow;
    private long instantNow;

    public DirectEngine(IServiceProvider services, IReadOnlyList<DeskPlan> plans, Func<DeskPlan, DeskOptions> deskOptions)
    {
        clock = services.GetRequiredService<SimulationClock>();
        if (!clock.IsVirtual)
        {
            throw new InvalidOperationException("The direct engine runs in virtual time only.");
        }

        coordinator = services.GetRequiredService<DispatchCoordinator>();
        logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<DirectEngine>();
        var runtimes = services.GetRequiredService<DeskRuntimes>();
        desks = plans.Select(plan => runtimes.Get(plan.Id, () => deskOptions(plan))).ToArray();
        for (var i = 0; i < desks.Length; i++)
        {
            desksById[desks[i].DeskId] = desks[i];
            deskLoops[desks[i]] = 1 + i;
        }

        arrivalLoop = desks.Length + 1;
        workloadLoop = desks.Length + 2;
        due = new DueTimes(desks.Length + 3);

        var seed = services.GetRequiredService<IOptions<SimulationOptions>>().Value.Seed;
        var workload = services.GetRequiredService<IOptions<WorkloadOptions>>().Value;
        raiseUntil = workload.RaiseUntil ?? DateTimeOffset.MaxValue;

        // Both streams start at the epoch, so the catch-up window of a starting source (what
        // was due just before it started) holds nothing here.
        arrivals = new IncidentGenerator(IncidentCatalogue.Default, seed, clock.Epoch, workload.ToProfile(), workload.ToScript()).Arrivals().GetEnumerator();
        workloadEvents = new WorkloadGenerator(workload.ToWorkloadPolicy(), seed, clock.Epoch).Events().GetEnumerator();
        Start();
    }

    public SimulationClock Clock => clock;

    public DispatchCoordinator Coordinator => coordinator;

    /// <summary>Runs every step due up to and including <paramref name="until"/>, then moves
    /// the clock there.</summary>
    /// <exception cref="SimulationFailedException">A loop never stops being due at one instant.</exception>
    public void RunUntil(DateTimeOffset until)
    {
        while (due.TryTake(until, out var loop, out var at))
        {
            clock.AdvanceTo(at);
            Step(loop);
            Deliver();
        }

        clock.AdvanceTo(until);
    }

    public LedgerSnapshot Snapshot() => coordinator.Snapshot(clock.GetUtcNow(), clock.Wall.GetUtcNow());

    private void Start()
    {
        cursor = clock.GetUtcNow();
        foreach (var shift in coordinator.Roster.OnDuty(cursor))
        {
            Publish(new ShiftStarted(shift.ShiftId, shift.DeskId, shift.StartsAt, shift.EndsAt, cursor));
        }

        due.Set(ShiftClockLoop, ShiftClock.NextDue(coordinator, cursor));
        foreach (var desk in desks)
        {
            // The desk holds nothing yet: dispatch records its process.
            Publish(desk.ReportState(started: true).Message);
            due.Set(deskLoops[desk], desk.NextDueAt());
        }

        arrivalsLeft = NextOf(arrivals, a => a.At);
        due.Set(arrivalLoop, arrivalsLeft ? arrivals.Current.At : null);
        workloadEventsLeft = NextOf(workloadEvents, e => e.At);
        due.Set(workloadLoop, workloadEventsLeft ? workloadEvents.Current.At : null);
        Deliver();
    }

    private void Step(int loop)
    {
        CountStep();
        if (loop == ShiftClockLoop)
        {
            var to = clock.GetUtcNow();
            Publish(coordinator.Advance(cursor, to, NoDeskDown));
            cursor = to;
            due.Set(ShiftClockLoop, ShiftClock.NextDue(coordinator, cursor));
        }
        else if (loop == arrivalLoop)
        {
            // Everything due now goes out at once, as the source plays its stream.
            var now = clock.GetUtcNow();
            while (arrivalsLeft && arrivals.Current.At <= now)
            {
                Publish(WorkloadEventMessages.Raised(arrivals.Current));
                arrivalsLeft = NextOf(arrivals, a => a.At);
            }

            due.Set(arrivalLoop, arrivalsLeft ? arrivals.Current.At : null);
        }
        else if (loop == workloadLoop)
        {
            var now = clock.GetUtcNow();
            while (workloadEventsLeft && workloadEvents.Current.At <= now)
            {
                var e = workloadEvents.Current;
                Publish(WorkloadEventMessages.Announcement(e));
                if (e is WorkloadBroke broke)
                {
                    Publish(WorkloadEventMessages.Raised(broke.Incident));
                }

                workloadEventsLeft = NextOf(workloadEvents, w => w.At);
            }

            due.Set(workloadLoop, workloadEventsLeft ? workloadEvents.Current.At : null);
        }
        else
        {
            DeskStep(desks[loop - 1]);
        }
    }

    /// <summary>The desk's work loop: what fell due, then sleep until the next thing does.</summary>
    private void DeskStep(DeskRuntime desk)
    {
        Publish(desk.Advance());
        due.Set(deskLoops[desk], desk.NextDueAt());
    }

    /// <summary>Hands every message published so far, and what each one causes, to its consumers.</summary>
    private void Deliver()
    {
        while (published.TryDequeue(out var message))
        {
            CountStep();
            if (DispatchConsumes(message))
            {
                ToDispatch(message);
            }

            ToDesk(message);
        }
    }

    private static bool DispatchConsumes(IOpsMessage message) => message is IncidentRaised or IncidentAcknowledged or IncidentResolved
        or HandoffBriefing or HandoffItemAccepted or HandoffItemQueried or HandoffSurpriseFound or HandoffCompleted
        or AssistRequested or AssistProvided or WorkloadSubmitted or WorkloadCompleted or WorkloadFailed or DeskStateReported;

    /// <summary>Dispatch's consumers: an invalid incident is refused before the ledger sees it.</summary>
    private void ToDispatch(IOpsMessage message)
    {
        if (message is IncidentRaised raised && !Valid(nameof(IncidentRaised), IncidentFieldChecks.Problems(raised)))
        {
            return;
        }

        Publish(coordinator.Apply(message));

        // What rings the shift clock's alarm: a handoff deadline a briefing moved, or a raised
        // incident's acknowledgement check. A raise moves nothing else, so only an earlier check
        // matters (and looking up the deadlines of every handoff on every raise would not pay).
        if (message is HandoffBriefing)
        {
            due.Set(ShiftClockLoop, ShiftClock.NextDue(coordinator, cursor));
        }
        else if (message is IncidentRaised && coordinator.NextEscalationCheck() is { } check && (due.Of(ShiftClockLoop) is not { } next || check < next))
        {
            due.Set(ShiftClockLoop, check > cursor ? check : cursor);
        }
    }

    /// <summary>The desk consumers: each takes only what is addressed to it.</summary>
    private void ToDesk(IOpsMessage message)
    {
        switch (message)
        {
            case IncidentAssigned m when Desk(m.DeskId) is { } desk && Valid(nameof(IncidentAssigned), IncidentFieldChecks.Problems(m)):
                Took(desk, desk.Handle(() => desk.Assigned(m, default)));
                break;
            case ShiftEnding m when Desk(m.DeskId) is { } desk:
                Took(desk, desk.Handle(() => desk.ShiftEnds(m, default)));
                break;
            case HandoffBriefing m when Desk(m.ToDeskId) is { } desk:
                Took(desk, desk.Handle(() => desk.Briefed(m, default)));
                break;
            case IncidentEscalated m when Desk(m.FromDeskId) is { } desk:
                Took(desk, desk.Handle(() => desk.Escalated(m, default)));
                break;
            case AssistRouted m when Desk(m.ProviderDeskId) is { } desk:
                Took(desk, desk.Handle(() => desk.AssistRequested(m, default)));
                break;
            case AssistProvided m when Desk(m.RequesterDeskId) is { } desk:
                Took(desk, desk.Handle(() => desk.AssistArrived(m)));
                break;
            case DeskFaultInjected m when Desk(m.DeskId) is { } desk:
                Took(desk, desk.Inject(m));
                break;
            case DeskRehearsalModeSet m when Desk(m.DeskId) is { } desk:
                Took(desk, desk.SetRehearsal(m));
                break;
            case HandoffItemDecided m when Desk(m.DeskId) is { } desk:
                Took(desk, desk.Handle(() => desk.Decided(m)));
                break;
        }
    }

    /// <summary>A desk took a message in: what it answered goes out, then its work loop wakes.</summary>
    private void Took(DeskRuntime desk, IReadOnlyList<OutgoingMessage> answers)
    {
        Publish(answers);
        DeskStep(desk);
    }

    private DeskRuntime? Desk(string deskId) => desksById.GetValueOrDefault(deskId);

    private void Publish(IOpsMessage message) => published.Enqueue(message);

    private void Publish(IReadOnlyList<IOpsMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            published.Enqueue(messages[i]);
        }
    }

    private void Publish(IReadOnlyList<OutgoingMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            published.Enqueue(messages[i].Message);
        }
    }

    /// <summary>A message with something wrong goes to the error queue on the bus: here it is
    /// logged and goes nowhere.</summary>
    private bool Valid(string messageName, IEnumerable<string> problems)
    {
        using var problem = problems.GetEnumerator();
        if (!problem.MoveNext())
        {
            return true;
        }

        logger.LogError("{Message} refused: {Problem}", messageName, problem.Current);
        return false;
    }

    /// <summary>The next item of a seeded stream, if it is due by the end of raising.</summary>
    private bool NextOf<T>(IEnumerator<T> stream, Func<T, DateTimeOffset> at) => stream.MoveNext() && at(stream.Current) <= raiseUntil;

    private void CountStep()
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (now != instantNow)
        {
            instantNow = now;
            stepsNow = 0;
        }

        if (++stepsNow > StepsAtOneInstant)
        {
            throw new SimulationFailedException($"The run made no progress at {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z: {StepsAtOneInstant} steps at one simulated instant (a loop that is always due).");
        }
    }
}
