using System.Threading.Channels;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Clock;
using Malaysia.Ops.Domain.Desks;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Desk;

/// <summary>
/// One desk at work: its <see cref="DeskModel"/> behind a lock, the shifts it has handed over,
/// and the translation of what the model does into messages. Consumers feed it; the
/// <see cref="DeskWorkLoop"/> wakes it when something falls due.
/// </summary>
public sealed class DeskRuntime
{
    private readonly Lock gate = new();
    private readonly DeskModel model;
    private readonly Dictionary<string, ShiftEnding> handedOver = new(StringComparer.Ordinal);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TimeSpan reviewPerItem;
    private readonly ILogger logger;

    public DeskRuntime(DeskOptions options, SimulationClock clock, ILogger logger)
    {
        Options = options;
        Clock = clock;
        this.logger = logger;
        model = new DeskModel(options.Id, options.Engineers);
        reviewPerItem = TimeSpan.FromMinutes(options.ReviewMinutesPerItem);
    }

    public DeskOptions Options { get; }

    public string DeskId => Options.Id;

    public SimulationClock Clock { get; }

    public int OpenCount
    {
        get
        {
            lock (gate)
            {
                return model.OpenCount;
            }
        }
    }

    internal ChannelReader<bool> Wakeups => wake.Reader;

    public DateTimeOffset? NextDueAt()
    {
        lock (gate)
        {
            return model.NextDueAt();
        }
    }

    /// <summary>Everything that has fallen due by now, as messages.</summary>
    public IReadOnlyList<IOpsMessage> Advance()
    {
        lock (gate)
        {
            return Translate(model.Advance(Now()));
        }
    }

    /// <summary>A new incident for this desk. An assignment for a shift this desk has already
    /// handed over goes on to the desk that took over, in a supplementary briefing.</summary>
    public IReadOnlyList<IOpsMessage> Assigned(IncidentAssigned assigned)
    {
        lock (gate)
        {
            if (handedOver.TryGetValue(assigned.ShiftId, out var ending))
            {
                logger.LogInformation("{Incident} arrived after shift {ShiftId} ended; forwarding it to {Incoming}", assigned.IncidentId, assigned.ShiftId, ending.IncomingDeskId);
                var item = new HandoffItem(assigned.IncidentId, assigned.Type, assigned.Severity, WorkStatus.Queued, false, assigned.WorkMinutes, 1, $"assigned to {DeskId} after its shift ended", "triage and start work");
                return [Briefing(ending, [item])];
            }

            var events = model.Assign(assigned.IncidentId, assigned.Type, assigned.Severity, assigned.WorkMinutes, assigned.DeskOnDutyFrom, Max(Now(), assigned.SimulatedAt));
            return Signal(Translate(events));
        }
    }

    /// <summary>This desk's shift ends: brief every open item to the incoming desk.</summary>
    public IReadOnlyList<IOpsMessage> ShiftEnds(ShiftEnding ending)
    {
        lock (gate)
        {
            var items = model.HandOverAll(Max(Now(), ending.SimulatedAt), out var before);
            handedOver[ending.ShiftId] = ending;
            var messages = Translate(before).ToList();
            messages.Add(Briefing(ending, items));
            logger.LogInformation("Shift {ShiftId} ends: briefing {Count} item(s) to {Incoming} ({HandoffId})", ending.ShiftId, items.Count, ending.IncomingDeskId, ending.HandoffId);
            return Signal(messages);
        }
    }

    /// <summary>A briefing for this desk: the lead reviews the items once on duty.</summary>
    public IReadOnlyList<IOpsMessage> Briefed(HandoffBriefing briefing)
    {
        lock (gate)
        {
            var events = model.ReceiveBriefing(briefing.HandoffId, briefing.FromDeskId, briefing.Items, briefing.SentAtWall, briefing.IncomingShiftStartsAt, reviewPerItem, Max(Now(), briefing.SimulatedAt));
            return Signal(Translate(events));
        }
    }

    private HandoffBriefing Briefing(ShiftEnding ending, IReadOnlyList<HandoffItem> items) =>
        new(ending.HandoffId, DeskId, ending.IncomingDeskId, ending.IncomingShiftStartsAt, items, Clock.Wall.GetUtcNow(), Max(Now(), ending.SimulatedAt));

    private List<IOpsMessage> Translate(IEnumerable<DeskEvent> events)
    {
        var wallNow = Clock.Wall.GetUtcNow();
        return events.Select<DeskEvent, IOpsMessage>(e => e switch
        {
            IncidentAcknowledgedByDesk a => new IncidentAcknowledged(a.IncidentId, DeskId, a.At),
            WorkStarted s => new IncidentUpdated(s.IncidentId, DeskId, $"{DeskId} engineer started work", "fix and verify", s.At),
            IncidentResolvedByDesk r => new IncidentResolved(r.IncidentId, DeskId, r.At),
            HandoffItemTakenOver t => new HandoffItemAccepted(t.HandoffId, t.IncidentId, DeskId, t.BriefingSentAtWall, wallNow, t.At),
            HandoffIntakeFinished f => new HandoffCompleted(f.HandoffId, f.FromDeskId, DeskId, f.ItemsAccepted, 0, f.BriefingSentAtWall, wallNow, f.At),
            _ => throw new InvalidOperationException($"no message for desk event {e.GetType().Name}"),
        }).ToList();
    }

    /// <summary>The model changed: the work loop must recompute when it next has to wake.</summary>
    private IReadOnlyList<IOpsMessage> Signal(IReadOnlyList<IOpsMessage> messages)
    {
        wake.Writer.TryWrite(true);
        return messages;
    }

    private DateTimeOffset Now() => Clock.GetUtcNow();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
