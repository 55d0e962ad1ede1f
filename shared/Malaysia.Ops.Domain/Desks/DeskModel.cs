using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Randomness;
using static Malaysia.Ops.Domain.Instants;

namespace Malaysia.Ops.Domain.Desks;

/// <summary>
/// A desk's open work and its engineers, as a discrete-event model. Items wait for the desk's
/// shift to start, for an engineer (most severe first, then oldest), and are worked for their
/// remaining effort. Briefed items wait until the incoming lead has reviewed them one by one.
/// Events are computed at the instants they happen, not when <see cref="Advance"/> is called, so
/// the outcome does not depend on how often the service wakes up.
/// A desk can go dark for a while (an outage: site power, network, everyone in a war room): work
/// in progress stops where it is, nothing is acknowledged, started or reviewed until it is back.
/// In a rehearsal a person is the incoming lead: briefed items then wait for that person to
/// accept or query each one (<see cref="PersonDecides"/>) instead of a review on a timer.
/// </summary>
public sealed partial class DeskModel
{
    private readonly OpenWork work = new();

    // The items a step takes out of their places to change (steps do not nest).
    private readonly List<WorkItem> due = [];
    private readonly Dictionary<string, Intake> intakes = [];
    private readonly List<DeskDarkPeriod> darkPeriods;
    private int nextDarkPeriod;
    private long nextSequence;

    private readonly HandoffQuality quality;

    // Help this desk has been asked to give other desks, due at their instants.
    private readonly List<PendingAssist> assistsToGive = [];

    private readonly DeskStaffing staffing;
    private readonly int incidentsPerEngineer;

    public DeskModel(
        string deskId,
        int engineers,
        IEnumerable<DeskDarkPeriod>? darkPeriods = null,
        HandoffQuality? quality = null,
        DeskStaffing? staffing = null,
        int incidentsPerEngineer = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(engineers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(incidentsPerEngineer);
        DeskId = deskId;
        Engineers = engineers;
        this.darkPeriods = Merged(darkPeriods ?? []);
        this.quality = quality ?? HandoffQuality.Perfect;
        this.staffing = staffing ?? DeskStaffing.Constant(engineers);
        this.incidentsPerEngineer = incidentsPerEngineer;
    }

    public string DeskId { get; }

    public int Engineers { get; }

    /// <summary>The simulated instant the model has been advanced to.</summary>
    public DateTimeOffset Now { get; private set; } = DateTimeOffset.MinValue;

    public int OpenCount => work.Count;

    /// <summary>Incidents the shift's engineers are working; an on-call engineer paged in is not
    /// one of them.</summary>
    public int BusyEngineers => work.Busy;

    /// <summary>Incidents the shift can work at once at <paramref name="at"/>.</summary>
    public int CapacityAt(DateTimeOffset at) => staffing.EngineersAt(at) * incidentsPerEngineer;

    public bool Holds(string incidentId) => work.Find(incidentId) is not null;

    /// <summary>When the desk is back if it is dark at <paramref name="at"/>; null when it is up.</summary>
    public DateTimeOffset? DarkUntil(DateTimeOffset at)
    {
        foreach (var dark in darkPeriods)
        {
            if (dark.From <= at && at < dark.To)
            {
                return dark.To;
            }
        }

        return null;
    }

    /// <summary>Takes a newly assigned incident; work can start from <paramref name="workableFrom"/>
    /// (the desk's shift start) at the earliest.</summary>
    public IReadOnlyList<DeskEvent> Assign(string incidentId, IncidentType type, Severity severity, double workMinutes, DateTimeOffset workableFrom, DateTimeOffset now, bool needsAssist = false)
    {
        var events = Advance(now);
        if (Holds(incidentId))
        {
            // A redelivered assignment changes nothing.
            return events;
        }

        work.Add(new WorkItem(incidentId, type, severity, workMinutes, nextSequence++)
        {
            Phase = Phase.Queued,
            WorkableFrom = UpAt(Later(workableFrom, Now)),
            Assist = needsAssist ? AssistState.Needed : AssistState.None,
        }, Now);
        events.AddRange(Advance(Now));
        return events;
    }

    /// <summary>Takes the items of a briefing. The lead reviews them in the order given, one every
    /// <paramref name="reviewPerItem"/>, starting when the desk is on duty; when
    /// <paramref name="byPerson"/>, each waits for a person's decision instead.</summary>
    public IReadOnlyList<DeskEvent> ReceiveBriefing(
        string handoffId,
        string fromDeskId,
        IReadOnlyList<BriefedItem> briefed,
        DateTimeOffset briefingSentAtWall,
        DateTimeOffset acceptFrom,
        TimeSpan reviewPerItem,
        DateTimeOffset now,
        bool byPerson = false)
    {
        var events = Advance(now);
        var start = UpAt(Later(acceptFrom, Now));
        var newItems = briefed.Where(b => !Holds(b.IncidentId)).DistinctBy(b => b.IncidentId).ToList();
        var key = $"{handoffId}#{nextSequence}";
        intakes[key] = new Intake(handoffId, fromDeskId, briefingSentAtWall, newItems.Count, start);
        for (var i = 0; i < newItems.Count; i++)
        {
            var b = newItems[i];
            var reviewedAt = start + (reviewPerItem * (i + 1));

            // Missing context is either asked about at review (the item waits for the answer
            // while the lead reviews the rest) or found out when work starts.
            // A person decides for themselves whether to query; the surprise of missing
            // context they accept anyway still comes when work starts.
            var queried = !byPerson && b.ContextMissing && StableDraw.Uniform(quality.Seed, "query", handoffId, b.IncidentId) < quality.QueryProbability;
            work.Add(new WorkItem(b.IncidentId, b.Type, b.Severity, b.RemainingWorkMinutes + quality.Refamiliarisation.TotalMinutes, nextSequence++)
            {
                Phase = Phase.AwaitingAcceptance,
                AwaitingPerson = byPerson,
                AcceptAt = queried ? reviewedAt + quality.QueryTime : reviewedAt,
                QueryAt = queried ? reviewedAt : null,
                SurprisePending = b.ContextMissing && !queried,
                Assist = b.AssistPending ? AssistState.Needed : AssistState.None,
                HandoffId = handoffId,
                IntakeKey = key,
                Acknowledged = b.Acknowledged,
                TimesHandedOver = b.TimesHandedOver,
            }, Now);
        }

        events.AddRange(Advance(Now));
        return events;
    }

    /// <summary>A person in a rehearsal accepts a briefed item (taken over now; worked once the
    /// shift starts) or queries it (it keeps waiting for their decision). Null when no such item
    /// waits for a person here (already decided, handed on, or never briefed).</summary>
    public IReadOnlyList<DeskEvent>? PersonDecides(string handoffId, string incidentId, bool accept, string? question, DateTimeOffset now)
    {
        var events = Advance(now);
        if (work.Find(incidentId) is not { AwaitingPerson: true } item || item.HandoffId != handoffId)
        {
            return null;
        }

        if (accept)
        {
            item.AwaitingPerson = false;
            item.AcceptAt = Now;
            work.Update(item, Now);
        }
        else
        {
            events.Add(new HandoffItemQueriedByDesk(handoffId, incidentId, Now, question));
        }

        events.AddRange(Advance(Now));
        return events;
    }

    /// <summary>The desk is down from <paramref name="from"/> to <paramref name="to"/> (a stop
    /// injected from the console, known only when the desk is back). Nothing before the instant
    /// the model has reached can change.</summary>
    public void AddDarkPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        var pending = darkPeriods.Skip(nextDarkPeriod).Append(new DeskDarkPeriod(Later(from, Now), to));
        darkPeriods.RemoveRange(nextDarkPeriod, darkPeriods.Count - nextDarkPeriod);
        darkPeriods.AddRange(Merged(pending));
    }

    /// <summary>The help an incident was waiting for came: it can be worked from now on.</summary>
    public IReadOnlyList<DeskEvent> AssistArrived(string incidentId, DateTimeOffset now)
    {
        var events = Advance(now);
        if (work.Find(incidentId) is { Assist: AssistState.Waiting } item)
        {
            item.Assist = AssistState.Done;
            item.WorkableFrom = Later(item.WorkableFrom, Now);
            work.Update(item, Now);
            events.AddRange(Advance(Now));
        }

        return events;
    }

    /// <summary>Another desk asked this one for help; it is given at <paramref name="respondAt"/>
    /// (for site hands, not while the site is dark).</summary>
    public IReadOnlyList<DeskEvent> GiveAssist(string incidentId, string requesterDeskId, AssistKind kind, DateTimeOffset requestedAt, DateTimeOffset respondAt, DateTimeOffset now)
    {
        var events = Advance(now);
        var at = Later(respondAt, Now);
        assistsToGive.Add(new PendingAssist(incidentId, requesterDeskId, kind, requestedAt, kind == AssistKind.SiteHands ? UpAt(at) : at, nextSequence++));
        events.AddRange(Advance(Now));
        return events;
    }

    /// <summary>Gives up an incident nobody has picked up yet (escalated to another desk): its
    /// type, severity and the work it needs, or null when it is already acknowledged or worked
    /// here (then it stays).</summary>
    public (IncidentType Type, Severity Severity, double WorkMinutes)? Release(string incidentId, DateTimeOffset now, out IReadOnlyList<DeskEvent> eventsBefore)
    {
        eventsBefore = Advance(now);
        if (work.Find(incidentId) is not { Phase: Phase.Queued, Acknowledged: false, OnCall: false } item)
        {
            return null;
        }

        work.Remove(item);
        return (item.Type, item.Severity, item.RemainingMinutes);
    }

    /// <summary>Drops an incident that was given to another desk while this one was down, in
    /// whatever state it is here (under review, queued, being worked): the other desk owns it
    /// now, so the work done here stops rather than be done twice. Returns whether it was held.</summary>
    public bool Drop(string incidentId, DateTimeOffset now, out IReadOnlyList<DeskEvent> eventsAfter)
    {
        // Time moves on first, so an engineer on it stays busy until the notice comes; what
        // happened to it meanwhile is not reported, as the other desk reports it.
        var events = Advance(now).Where(e => IncidentOf(e) != incidentId).ToList();
        var item = work.Find(incidentId);
        if (item is not null)
        {
            work.Remove(item);
            if (item is { Phase: Phase.AwaitingAcceptance, IntakeKey: { } intakeKey })
            {
                // Its intake no longer waits for it.
                intakes[intakeKey].Remaining--;
            }

            events.AddRange(Advance(Now));
        }

        eventsAfter = events;
        return item is not null;
    }

    private static string? IncidentOf(DeskEvent deskEvent) => deskEvent switch
    {
        IncidentAcknowledgedByDesk e => e.IncidentId,
        WorkStarted e => e.IncidentId,
        IncidentResolvedByDesk e => e.IncidentId,
        HandoffItemTakenOver e => e.IncidentId,
        HandoffItemQueriedByDesk e => e.IncidentId,
        HandoffSurpriseFoundByDesk e => e.IncidentId,
        AssistNeeded e => e.IncidentId,
        _ => null,
    };

    /// <summary>Pages the desk's on-call engineer for an incident nobody has picked up: they
    /// acknowledge it at <paramref name="respondsAt"/> and work it themselves, outside the shift
    /// and whatever the desk is doing.</summary>
    public IReadOnlyList<DeskEvent> Page(string incidentId, DateTimeOffset respondsAt, DateTimeOffset now)
    {
        var events = Advance(now);
        if (work.Find(incidentId) is { Phase: Phase.Queued, Acknowledged: false, OnCall: false } item)
        {
            // Whoever comes first takes it: the on-call, or the shift if it starts sooner.
            item.OnCall = true;
            item.WorkableFrom = Earlier(item.WorkableFrom, Later(respondsAt, Now));
            work.Update(item, Now);
            events.AddRange(Advance(Now));
        }

        return events;
    }

    /// <summary>Ends the shift: every open item leaves the desk, with its remaining effort, to be
    /// briefed to the incoming desk; some items' context is left out, as the handoff quality says.</summary>
    public IReadOnlyList<BriefedItem> HandOverAll(string handoffId, DateTimeOffset at, out IReadOnlyList<DeskEvent> eventsBefore)
    {
        eventsBefore = Advance(at);

        // A paged on-call engineer sees their incident through; it is not the shift's to hand over.
        var briefed = work.All
            .Where(i => !i.OnCall)
            .OrderBy(i => i.Severity)
            .ThenBy(i => i.Sequence)
            .Select(i => new BriefedItem(
                i.IncidentId,
                i.Type,
                i.Severity,
                i.Phase switch
                {
                    Phase.InProgress => WorkStatus.InProgress,
                    Phase.AwaitingAcceptance => WorkStatus.AwaitingAcceptance,
                    _ => WorkStatus.Queued,
                },
                i.Acknowledged,
                Math.Round(i.RemainingMinutesAt(Now), 2),
                i.TimesHandedOver + 1,
                i.Phase == Phase.InProgress
                    ? $"{DeskId} worked it since {i.StartedAt:HH:mm}Z; {i.RemainingMinutesAt(Now):0} min of work left"
                    : $"{DeskId} had not started it",
                i.Phase == Phase.InProgress ? "continue the fix" : "triage and start work",
                AssistPending: i.Assist is AssistState.Needed or AssistState.Waiting))
            .Select(item => StableDraw.Uniform(quality.Seed, "omit", handoffId, item.IncidentId) < quality.OmissionProbability
                ? item with { Notes = $"{DeskId}: see ticket", ContextMissing = true }
                : item)
            .ToList();
        foreach (var item in briefed)
        {
            work.Remove(work.Find(item.IncidentId)!);
        }

        intakes.Clear();
        return briefed;
    }

    /// <summary>The next instant something happens on its own, or null when the desk is idle.</summary>
    public DateTimeOffset? NextDueAt()
    {
        DateTimeOffset? next = null;
        if (work.FirstInProgress is { } working)
        {
            next = Sooner(next, working.FinishAt);
        }

        if (work.FirstUnderReview is { } reviewed)
        {
            next = Sooner(next, reviewed.QueryAt ?? reviewed.AcceptAt);
        }

        if (work.FirstQueuedDue is { } queued)
        {
            next = Sooner(next, Later(queued.WorkableFrom, Now));
        }

        if (nextDarkPeriod < darkPeriods.Count)
        {
            next = Sooner(next, Later(darkPeriods[nextDarkPeriod].From, Now));
        }

        foreach (var assist in assistsToGive)
        {
            next = Sooner(next, Later(assist.At, Now));
        }

        foreach (var intake in intakes.Values)
        {
            if (intake.Remaining == 0)
            {
                next = Sooner(next, Later(intake.AcceptFrom, Now));
            }
        }

        // Whatever waits in the line was workable by Now already.
        var firstWorkable = work.WaitingCount > 0 ? Now : work.FirstWorkableLater?.WorkableFrom;
        if (firstWorkable is { } workableFrom)
        {
            var workable = Later(workableFrom, Now);
            if (BusyEngineers < CapacityAt(workable))
            {
                next = Sooner(next, workable);
            }

            // More engineers may come on with the next shift.
            if (staffing.NextChangeAfter(Now) is { } change)
            {
                next = Sooner(next, change);
            }
        }

        return next;
    }

    /// <summary>Moves the model to <paramref name="now"/>, returning what happened meanwhile in
    /// time order.</summary>
    public List<DeskEvent> Advance(DateTimeOffset now)
    {
        var events = new List<DeskEvent>();
        if (now < Now)
        {
            now = Now;
        }

        while (NextDueAt() is { } t && t <= now)
        {
            Now = Later(Now, t);
            GoDark(t);
            Finish(t, events);
            Query(t, events);
            Accept(t, events);
            Acknowledge(t, events);
            RequestAssists(t, events);
            GiveAssists(t, events);
            Start(t, events);
            work.Shelve(Now);
        }

        Now = now;
        work.Shelve(Now);
        return events;
    }

    /// <summary>Of two candidates for the next instant, the later one only if it is sooner.</summary>
    private static DateTimeOffset? Sooner(DateTimeOffset? next, DateTimeOffset candidate) =>
        next is null || candidate < next ? candidate : next;

    /// <summary>At the start of a dark period everything stops: work in progress goes back to
    /// the queue with the effort it still needs, and nothing resumes before the desk is back.</summary>
    private void GoDark(DateTimeOffset t)
    {
        while (nextDarkPeriod < darkPeriods.Count && darkPeriods[nextDarkPeriod].From <= t)
        {
            var dark = darkPeriods[nextDarkPeriod++];
            if (dark.To <= t)
            {
                continue;
            }

            // Putting an item back changes its place, not which items are open: they can be walked meanwhile.
            foreach (var item in work.All)
            {
                if (item.OnCall)
                {
                    continue;
                }

                switch (item.Phase)
                {
                    case Phase.InProgress when item.FinishAt > t:
                        item.RemainingMinutes = item.RemainingMinutesAt(t);
                        item.Phase = Phase.Queued;
                        item.WorkableFrom = dark.To;
                        break;
                    case Phase.AwaitingAcceptance when item.AcceptAt >= t && !item.AwaitingPerson:
                        item.AcceptAt += dark.To - t;
                        item.QueryAt = item.QueryAt >= t ? item.QueryAt + (dark.To - t) : item.QueryAt;
                        break;
                    case Phase.Queued:
                        item.WorkableFrom = Later(item.WorkableFrom, dark.To);
                        break;
                }

                work.Update(item, Now);
            }

            foreach (var intake in intakes.Values)
            {
                intake.AcceptFrom = Later(intake.AcceptFrom, dark.To);
            }
        }
    }

    private DateTimeOffset UpAt(DateTimeOffset at) => DarkUntil(at) ?? at;

    /// <summary>Outages that overlap or touch are one long outage.</summary>
    private static List<DeskDarkPeriod> Merged(IEnumerable<DeskDarkPeriod> periods)
    {
        var merged = new List<DeskDarkPeriod>();
        foreach (var period in periods.Where(p => p.To > p.From).OrderBy(p => p.From))
        {
            if (merged.Count > 0 && period.From <= merged[^1].To)
            {
                merged[^1] = merged[^1] with { To = Later(merged[^1].To, period.To) };
            }
            else
            {
                merged.Add(period);
            }
        }

        return merged;
    }

    private void Finish(DateTimeOffset t, List<DeskEvent> events)
    {
        while (work.FirstInProgress is { } item && item.FinishAt <= t)
        {
            work.Remove(item);
            events.Add(new IncidentResolvedByDesk(item.IncidentId, item.FinishAt));
        }
    }

    private void Query(DateTimeOffset t, List<DeskEvent> events)
    {
        due.Clear();
        work.TakeUnderReviewDue(t, due);
        foreach (var item in due)
        {
            if (item.QueryAt is { } queryAt)
            {
                events.Add(new HandoffItemQueriedByDesk(item.HandoffId!, item.IncidentId, queryAt));
                item.QueryAt = null;
            }

            work.Update(item, Now);
        }
    }

    private void Accept(DateTimeOffset t, List<DeskEvent> events)
    {
        // Asked about by t, an item is due at its acceptance: these come in that order.
        due.Clear();
        work.TakeUnderReviewDue(t, due);
        foreach (var item in due)
        {
            if (item.QueryAt is null && item.AcceptAt <= t)
            {
                var intake = intakes[item.IntakeKey!];
                item.Phase = Phase.Queued;

                // A person may accept before their shift starts; the work waits for the shift.
                item.WorkableFrom = Later(item.AcceptAt, intake.AcceptFrom);
                intake.Remaining--;
                intake.Accepted++;
                events.Add(new HandoffItemTakenOver(intake.HandoffId, item.IncidentId, intake.BriefingSentAtWall, item.AcceptAt));
            }

            work.Update(item, Now);
        }

        List<string>? finished = null;
        foreach (var (key, intake) in intakes)
        {
            if (intake.Remaining == 0 && intake.AcceptFrom <= t)
            {
                (finished ??= []).Add(key);
            }
        }

        foreach (var key in finished ?? [])
        {
            intakes.Remove(key, out var intake);
            events.Add(new HandoffIntakeFinished(intake!.HandoffId, intake.FromDeskId, intake.Accepted, intake.BriefingSentAtWall, t));
        }
    }

    private void Acknowledge(DateTimeOffset t, List<DeskEvent> events)
    {
        due.Clear();
        work.TakeUnacknowledgedDue(t, due);
        due.Sort(BySequence);
        foreach (var item in due)
        {
            item.Acknowledged = true;
            events.Add(new IncidentAcknowledgedByDesk(item.IncidentId, t));
            work.Update(item, Now);
        }
    }

    /// <summary>Triaged items that need another desk's help ask for it, and wait.</summary>
    private void RequestAssists(DateTimeOffset t, List<DeskEvent> events)
    {
        due.Clear();
        work.TakeHelpToAskDue(t, due);
        due.Sort(BySequence);
        foreach (var item in due)
        {
            item.Assist = AssistState.Waiting;
            events.Add(new AssistNeeded(item.IncidentId, t));
            work.Update(item, Now);
        }
    }

    private void GiveAssists(DateTimeOffset t, List<DeskEvent> events)
    {
        if (!assistsToGive.Exists(a => a.At <= t))
        {
            return;
        }

        foreach (var assist in assistsToGive.Where(a => a.At <= t).OrderBy(a => a.At).ThenBy(a => a.Order).ToList())
        {
            assistsToGive.Remove(assist);
            events.Add(new AssistGiven(assist.IncidentId, assist.RequesterDeskId, assist.Kind, assist.RequestedAt, assist.At));
        }
    }

    private static bool CanStart(WorkItem item) => item.Assist is AssistState.None or AssistState.Done;

    private static int BySequence(WorkItem x, WorkItem y) => x.Sequence.CompareTo(y.Sequence);

    private void Start(DateTimeOffset t, List<DeskEvent> events)
    {
        // Paged on-call engineers start at once; shift engineers take the most severe, oldest first.
        var free = Math.Max(0, CapacityAt(t) - BusyEngineers);
        due.Clear();
        work.TakePagedDue(t, due);
        due.Sort(BySequence);
        work.TakeFirstWaiting(free, t, due);
        foreach (var item in due)
        {
            item.Phase = Phase.InProgress;
            item.StartedAt = t;
            events.Add(new WorkStarted(item.IncidentId, t));
            if (item.SurprisePending)
            {
                item.SurprisePending = false;
                item.RemainingMinutes += quality.SurpriseWork.TotalMinutes;
                events.Add(new HandoffSurpriseFoundByDesk(item.HandoffId!, item.IncidentId, quality.SurpriseWork.TotalMinutes, t));
            }

            item.FinishAt = t.AddMinutes(item.RemainingMinutes);
            work.Update(item, Now);
        }
    }

    private enum AssistState
    {
        None,

        /// <summary>Triage will find it needs another desk's help.</summary>
        Needed,

        /// <summary>Asked for; nothing can be done until it comes.</summary>
        Waiting,

        Done,
    }

    private sealed record PendingAssist(string IncidentId, string RequesterDeskId, AssistKind Kind, DateTimeOffset RequestedAt, DateTimeOffset At, long Order);

    private enum Phase
    {
        AwaitingAcceptance,
        Queued,
        InProgress,
    }

    private sealed class WorkItem(string incidentId, IncidentType type, Severity severity, double remainingMinutes, long sequence)
    {
        public string IncidentId { get; } = incidentId;

        public IncidentType Type { get; } = type;

        public Severity Severity { get; } = severity;

        public long Sequence { get; } = sequence;

        /// <summary>Effort left when the item last entered the queue.</summary>
        public double RemainingMinutes { get; set; } = remainingMinutes;

        public Phase Phase { get; set; }

        public bool Acknowledged { get; set; }

        public int TimesHandedOver { get; init; }

        public DateTimeOffset WorkableFrom { get; set; }

        public DateTimeOffset AcceptAt { get; set; }

        /// <summary>When the lead asks about an item whose context was missing; null once asked.</summary>
        public DateTimeOffset? QueryAt { get; set; }

        /// <summary>Context was missing and nobody asked: found out when work starts.</summary>
        public bool SurprisePending { get; set; }

        /// <summary>Briefed to a person in a rehearsal: taken over when they accept it.</summary>
        public bool AwaitingPerson { get; set; }

        public AssistState Assist { get; set; }

        /// <summary>Paged to the on-call engineer, who works it outside the shift.</summary>
        public bool OnCall { get; set; }

        /// <summary>The handoff that brought the item, for a handed-over item.</summary>
        public string? HandoffId { get; init; }

        public string? IntakeKey { get; init; }

        public DateTimeOffset StartedAt { get; set; }

        public DateTimeOffset FinishAt { get; set; }

        /// <summary>Where <see cref="OpenWork"/> keeps the item (set by it alone).</summary>
        public Place Place { get; set; }

        /// <summary>What <see cref="OpenWork"/> orders the item by in its place (set by it alone).</summary>
        public long Key { get; set; }

        /// <summary>Counted among the shift's busy engineers (set by <see cref="OpenWork"/> alone).</summary>
        public bool CountsBusy { get; set; }

        public double RemainingMinutesAt(DateTimeOffset now) =>
            Phase == Phase.InProgress ? Math.Max(0, (FinishAt - now).TotalMinutes) : RemainingMinutes;
    }

    private sealed class Intake(string handoffId, string fromDeskId, DateTimeOffset briefingSentAtWall, int remaining, DateTimeOffset acceptFrom)
    {
        public string HandoffId { get; } = handoffId;

        public string FromDeskId { get; } = fromDeskId;

        public DateTimeOffset BriefingSentAtWall { get; } = briefingSentAtWall;

        public DateTimeOffset AcceptFrom { get; set; } = acceptFrom;

        public int Remaining { get; set; } = remaining;

        public int Accepted { get; set; }
    }
}
