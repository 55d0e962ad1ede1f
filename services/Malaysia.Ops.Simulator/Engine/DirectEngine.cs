using Malaysia.Ops.Clock;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Desk;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Domain.Ledger;
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
/// <item>each desk's <c>DeskClockLoop</c>: the desk step (its start reported, then
/// <see cref="DeskCore.Advance"/> at <see cref="DeskCore.NextDueAt"/> and after each message it
/// took in);</item>
/// <item>the workload's <c>IncidentSource</c> and <c>WorkloadSource</c>: the arrival and workload
/// steps, the same <see cref="IncidentSchedule"/> and <see cref="WorkloadSchedule"/>;</item>
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
/// What a desk's process adds to its core is left out where it cannot matter here: no message
/// is delivered twice, none waited for an earlier process, and nothing is traced; the wall
/// instants the desk's messages carry are the virtual clock's, as on the bus.
/// </summary>
public sealed class DirectEngine
{
    private const int ShiftClockLoop = 0;

    // More steps than this at one simulated instant is a loop that never sleeps.
    private const long StepsAtOneInstant = 10_000_000;

    private static readonly IReadOnlyCollection<string> NoDeskDown = [];

    private readonly SimulationClock clock;
    private readonly DispatchCoordinator coordinator;
    private readonly DeskCore[] desks;
    private readonly ILogger[] deskLogs;
    private readonly Dictionary<string, int> deskNumbers = new(StringComparer.OrdinalIgnoreCase);
    private readonly int arrivalLoop;
    private readonly int workloadLoop;
    private readonly DueTimes due;
    private readonly Queue<IOpsMessage> published = new();
    private readonly IncidentSchedule arrivals;
    private readonly WorkloadSchedule workloads;
    private readonly ILogger logger;
    private DateTimeOffset cursor;
    private long stepsNow;
    private long instantNow;

    public DirectEngine(IServiceProvider services, IReadOnlyList<DeskOptions> deskOptions)
    {
        clock = services.GetRequiredService<SimulationClock>();
        if (!clock.IsVirtual)
        {
            throw new InvalidOperationException("The direct engine runs in virtual time only.");
        }

        coordinator = services.GetRequiredService<DispatchCoordinator>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        logger = loggers.CreateLogger<DirectEngine>();
        var seed = services.GetRequiredService<IOptions<SimulationOptions>>().Value.Seed;
        desks = deskOptions.Select(options => new DeskCore(options, seed, Guid.NewGuid())).ToArray();
        deskLogs = desks.Select(desk => loggers.CreateLogger($"Malaysia.Ops.Desk.{desk.DeskId}")).ToArray();
        for (var i = 0; i < desks.Length; i++)
        {
            deskNumbers[desks[i].DeskId] = i;
        }

        arrivalLoop = desks.Length + 1;
        workloadLoop = desks.Length + 2;
        due = new DueTimes(desks.Length + 3);

        // Both streams start at the epoch, so the catch-up window of a starting source (what
        // was due just before it started) holds nothing here.
        var workload = services.GetRequiredService<IOptions<WorkloadOptions>>().Value;
        arrivals = new IncidentSchedule(workload, seed, clock.Epoch, clock.GetUtcNow(), TimeSpan.Zero);
        workloads = new WorkloadSchedule(workload, seed, clock.Epoch, clock.GetUtcNow(), TimeSpan.Zero);
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
        var now = clock.GetUtcNow();
        cursor = now;
        foreach (var shift in coordinator.Roster.OnDuty(cursor))
        {
            Publish(new ShiftStarted(shift.ShiftId, shift.DeskId, shift.StartsAt, shift.EndsAt, cursor));
        }

        due.Set(ShiftClockLoop, ShiftClock.NextDue(coordinator, cursor));
        for (var i = 0; i < desks.Length; i++)
        {
            // The desk holds nothing yet: dispatch records its process.
            Sent(i, desks[i].Start(now));
            due.Set(DeskLoop(i), desks[i].NextDueAt());
        }

        due.Set(arrivalLoop, arrivals.NextDueAt());
        due.Set(workloadLoop, workloads.NextDueAt());
        Deliver();
    }

    private void Step(int loop)
    {
        CountStep();
        var now = clock.GetUtcNow();
        if (loop == ShiftClockLoop)
        {
            Publish(coordinator.Advance(cursor, now, NoDeskDown));
            cursor = now;
            due.Set(ShiftClockLoop, ShiftClock.NextDue(coordinator, cursor));
        }
        else if (loop == arrivalLoop)
        {
            // Everything due now goes out at once, as the source plays its stream.
            Publish(arrivals.Advance(now));
            due.Set(arrivalLoop, arrivals.NextDueAt());
        }
        else if (loop == workloadLoop)
        {
            Publish(workloads.Advance(now));
            due.Set(workloadLoop, workloads.NextDueAt());
        }
        else
        {
            DeskStep(loop - 1);
        }
    }

    private static int DeskLoop(int desk) => desk + 1;

    /// <summary>The desk's clock loop: what fell due, then sleep until the next thing does.</summary>
    private void DeskStep(int desk)
    {
        Sent(desk, desks[desk].Advance(clock.GetUtcNow()));
        due.Set(DeskLoop(desk), desks[desk].NextDueAt());
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

    private static bool DispatchConsumes(IOpsMessage message) => message is IncidentRaised or IncidentAcknowledged or IncidentUpdated or IncidentResolved
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
        var desk = message switch
        {
            IncidentAssigned m when Valid(nameof(IncidentAssigned), IncidentFieldChecks.Problems(m)) => m.DeskId,
            ShiftEnding m => m.DeskId,
            HandoffBriefing m => m.ToDeskId,
            IncidentEscalated m => m.FromDeskId,
            AssistRouted m => m.ProviderDeskId,
            AssistProvided m => m.RequesterDeskId,
            DeskFaultInjected m => m.DeskId,
            DeskRehearsalModeSet m => m.DeskId,
            HandoffItemDecided m => m.DeskId,
            _ => null,
        };
        if (desk is not null && deskNumbers.TryGetValue(desk, out var number))
        {
            // What the desk answered goes out, then its clock loop wakes.
            Sent(number, desks[number].Apply(message, clock.GetUtcNow()));
            DeskStep(number);
        }
    }

    /// <summary>What a desk sends, with the wall instants it leaves to its publisher (the virtual
    /// clock's), and what it noted, to its log.</summary>
    private void Sent(int desk, IReadOnlyList<IOpsMessage> messages)
    {
        foreach (var note in desks[desk].TakeNotes())
        {
            deskLogs[desk].Log(note.Warning ? LogLevel.Warning : LogLevel.Information, "{Note}", note.Text);
        }

        var wall = clock.Wall.GetUtcNow();
        for (var i = 0; i < messages.Count; i++)
        {
            published.Enqueue(DeskWallStamps.Stamp(messages[i], wall));
        }
    }

    private void Publish(IOpsMessage message) => published.Enqueue(message);

    private void Publish<T>(IReadOnlyList<T> messages)
        where T : IOpsMessage
    {
        for (var i = 0; i < messages.Count; i++)
        {
            published.Enqueue(messages[i]);
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
