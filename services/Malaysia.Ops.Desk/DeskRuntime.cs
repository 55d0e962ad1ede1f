using System.Diagnostics;
using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Desks;
using Malaysia.Ops.Domain.Incidents;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Desk;

/// <summary>
/// One desk at work: its <see cref="DeskModel"/> behind a lock, the shifts it has handed over,
/// the traces of the incidents it holds, and the translation of what the model does into
/// messages. Consumers feed it; the <see cref="DeskWorkLoop"/> wakes it when something falls due.
/// </summary>
public sealed class DeskRuntime
{
    private readonly Lock gate = new();
    private readonly DeskModel model;
    private readonly Dictionary<string, ShiftEnding> handedOver = new(StringComparer.Ordinal);
    private readonly IncidentTraces traces = new();

    // Assignments and briefed items already taken in, so a redelivered message changes nothing
    // (not even for an incident resolved since).
    private readonly HashSet<string> assignmentsTaken = new(StringComparer.Ordinal);
    private readonly HashSet<(string HandoffId, string IncidentId)> briefedItemsTaken = [];

    // How many times longer than a skilled engineer each incident held here takes (no skill,
    // a slowed desk), as it was when the incident came.
    private readonly Dictionary<string, double> workFactors = new(StringComparer.Ordinal);

    // What each incident held here needs from another desk, if anything.
    private readonly Dictionary<string, CrossDeskNeed> needs = new(StringComparer.Ordinal);

    // Shift ends that came while the desk was dark: briefed when it is back.
    private readonly List<(ShiftEnding Ending, ActivityContext Trace, DateTimeOffset Back)> endingsWhileDark = [];
    private readonly TimeSpan reviewPerItem;
    private readonly ILogger logger;

    // What the console has done to this desk, what reached it while it was stopped (applied
    // when it resumes, as a queue is drained by a service that comes back), and briefings held
    // back by a delay.
    private readonly DeskControls controls = new();
    private readonly List<Func<IReadOnlyList<OutgoingMessage>>> heldWhileStopped = [];
    private readonly List<DelayedBriefing> delayedBriefings = [];

    // When this process started (wall), and how far apart the clocks of two machines may be:
    // an assignment decided before then waited in the queue for the desk's previous process,
    // and dispatch gives a restarted desk again whatever it still owns, so the stale copy is not
    // taken (it may have been given to another desk meanwhile).
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(5);
    private readonly DateTimeOffset processStartedWall;

    // Incidents dispatch gave to another desk while this one was down, and when: an assignment
    // of one of them issued before then is stale (it waited in the queue) and is not taken.
    private readonly Dictionary<string, DateTimeOffset> takenWhileDown = new(StringComparer.Ordinal);

    // This process's life of the desk, so dispatch can tell a restart from a first start.
    private readonly Guid instance = Guid.NewGuid();

    public DeskRuntime(DeskOptions options, SimulationClock clock, int seed, ILogger logger)
    {
        Options = options;
        Clock = clock;
        processStartedWall = clock.Wall.GetUtcNow();
        this.logger = logger;
        model = new DeskModel(
            options.Id,
            options.Engineers,
            options.Outages.Select(o => new DeskDarkPeriod(o.From, o.To)),
            options.Handoff.ToQuality(seed),
            options.StaffingModel(),
            options.IncidentsPerEngineer);
        reviewPerItem = TimeSpan.FromMinutes(options.ReviewMinutesPerItem);
        DisplayName = $"{options.Id.ToUpperInvariant()} desk";
        Alarm = clock.CreateAlarm(DisplayName);
    }

    public DeskOptions Options { get; }

    public string DeskId => Options.Id;

    /// <summary>"MY desk", as span names say it.</summary>
    public string DisplayName { get; }

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

    /// <summary>The work loop's alarm, rung whenever the model changed.</summary>
    internal Alarm Alarm { get; }

    public DateTimeOffset? NextDueAt()
    {
        lock (gate)
        {
            if (controls.StoppedSince is not null)
            {
                // A stopped desk does nothing until it is resumed (which rings its alarm).
                return null;
            }

            var next = model.NextDueAt();
            foreach (var back in endingsWhileDark.Select(d => d.Back).Concat(delayedBriefings.Select(d => d.Due)))
            {
                next = next is null || back < next ? back : next;
            }

            return next;
        }
    }

    /// <summary>Everything that has fallen due by now, as messages.</summary>
    public IReadOnlyList<OutgoingMessage> Advance()
    {
        lock (gate)
        {
            if (controls.StoppedSince is not null)
            {
                return [];
            }

            var messages = Translate(model.Advance(Now()));
            foreach (var deferred in endingsWhileDark.Where(d => d.Back <= Now()).ToList())
            {
                endingsWhileDark.Remove(deferred);
                messages.AddRange(HandOver(deferred.Ending, deferred.Trace));
            }

            foreach (var delayed in delayedBriefings.Where(d => d.Due <= Now()).ToList())
            {
                delayedBriefings.Remove(delayed);
                logger.LogWarning("Briefing {HandoffId} goes out {Minutes:0.#} simulated minutes late (delay injected)", delayed.Ending.HandoffId, (Now() - delayed.Held).TotalMinutes);
                messages.Add(Briefing(delayed.Ending, delayed.Items, $"handoff {DeskId.ToUpperInvariant()}→{delayed.Ending.IncomingDeskId.ToUpperInvariant()} (delayed)", delayed.Trace, delayed.Links));
            }

            return messages;
        }
    }

    /// <summary>Handles what reached the desk, or, while it is stopped, keeps it for when it
    /// resumes.</summary>
    public IReadOnlyList<OutgoingMessage> Handle(Func<IReadOnlyList<OutgoingMessage>> handle)
    {
        // Under the lock (it is re-entrant), so a stop cannot slip in between the check and the
        // handling, and nothing overtakes what waited while the desk was stopped.
        lock (gate)
        {
            if (controls.StoppedSince is not null)
            {
                heldWhileStopped.Add(handle);
                return [];
            }

            return handle();
        }
    }

    /// <summary>A fault injected from the console, or lifted. Stop and resume change what the
    /// desk can do; the others change how it works from now on. Every change is reported.</summary>
    public IReadOnlyList<OutgoingMessage> Inject(DeskFaultInjected fault)
    {
        var messages = new List<OutgoingMessage>();
        lock (gate)
        {
            var at = Max(Now(), fault.SimulatedAt);
            switch (fault.Fault)
            {
                case DeskFault.Stop when controls.StoppedSince is null:
                    // Everything due before the stop still happens.
                    messages.AddRange(Translate(model.Advance(at)));
                    controls.StoppedSince = at;
                    logger.LogWarning("{Desk} stopped by {RequestedBy}", DisplayName, fault.RequestedBy);
                    break;
                case DeskFault.Resume or DeskFault.ClearAll when controls.StoppedSince is { } since:
                    model.AddDarkPeriod(since, at);
                    controls.StoppedSince = null;
                    controls.TryApply(fault);
                    logger.LogWarning("{Desk} resumed by {RequestedBy} after {Minutes:0} simulated minutes; {Held} message(s) waited", DisplayName, fault.RequestedBy, (at - since).TotalMinutes, heldWhileStopped.Count);
                    messages.AddRange(Drain());
                    break;
                case DeskFault.Stop or DeskFault.Resume:
                    // Already stopped, or not stopped: nothing changes.
                    break;
                default:
                    if (!controls.TryApply(fault))
                    {
                        logger.LogWarning("Fault {Fault} for {Desk} from {RequestedBy} ignored: factor {Factor} / delay {Delay} out of range", fault.Fault, DisplayName, fault.RequestedBy, fault.Factor, fault.DelayMinutes);
                        return [];
                    }

                    break;
            }

            messages.Add(StateReport(at));
        }

        Alarm.Ring();
        return messages;
    }

    /// <summary>Handles, in the order they came, the messages that waited while the desk was
    /// stopped (they were acknowledged to the broker then). One that fails is logged with its
    /// reason and the rest still go through.</summary>
    private List<OutgoingMessage> Drain()
    {
        var messages = new List<OutgoingMessage>();
        var held = heldWhileStopped.ToList();
        heldWhileStopped.Clear();
        foreach (var handle in held)
        {
            try
            {
                messages.AddRange(handle());
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                logger.LogError("{Desk}: a message that waited while it was stopped could not be handled: {Reason}", DisplayName, e.Message);
            }
        }

        return messages;
    }

    /// <summary>A person takes (or no longer takes) this desk's incoming handoffs. Briefings
    /// already being reviewed carry on as they started.</summary>
    public IReadOnlyList<OutgoingMessage> SetRehearsal(DeskRehearsalModeSet mode)
    {
        lock (gate)
        {
            controls.Human = mode.Human;
            logger.LogInformation("{Desk}: a person {Takes} its handoffs ({RequestedBy})", DisplayName, mode.Human ? "takes" : "no longer takes", mode.RequestedBy);
            return [StateReport(Max(Now(), mode.SimulatedAt))];
        }
    }

    /// <summary>The person's decision on a briefed item; nothing when no such item waits for a
    /// person here.</summary>
    public IReadOnlyList<OutgoingMessage> Decided(HandoffItemDecided decision)
    {
        lock (gate)
        {
            var events = model.PersonDecides(decision.HandoffId, decision.IncidentId, decision.Accept, decision.Question, Max(Now(), decision.SimulatedAt));
            if (events is null)
            {
                logger.LogInformation("{Incident} of {HandoffId} does not wait for a person on {Desk}; decision by {DecidedBy} ignored", decision.IncidentId, decision.HandoffId, DisplayName, decision.DecidedBy);
                return [];
            }

            return Signal(Translate(events));
        }
    }

    /// <summary>The desk's mode and faults as they are now: told when the desk starts and at
    /// each of its shift ends, so a board that started later (or a desk that restarted) agrees
    /// with what the desk does.</summary>
    public OutgoingMessage ReportState(bool started)
    {
        lock (gate)
        {
            return StateReport(Now(), started);
        }
    }

    private OutgoingMessage StateReport(DateTimeOffset at, bool started = false) =>
        new(new DeskStateReported(DeskId, controls.Human, controls.Faults(), at, Started: started, Instance: instance), $"{DisplayName} state", default, Tags(null, at, null));

    /// <summary>A new incident for this desk. An assignment for a shift this desk has already
    /// handed over goes on to the desk that took over, in a supplementary briefing.</summary>
    public IReadOnlyList<OutgoingMessage> Assigned(IncidentAssigned assigned, ActivityContext trace)
    {
        lock (gate)
        {
            if (handedOver.TryGetValue(assigned.ShiftId, out var ending))
            {
                logger.LogInformation("{Incident} arrived after shift {ShiftId} ended; forwarding it to {Incoming}", assigned.IncidentId, assigned.ShiftId, ending.IncomingDeskId);
                var item = new HandoffItem(assigned.IncidentId, assigned.Type, assigned.Severity, WorkStatus.Queued, false, assigned.WorkMinutes, 1, $"assigned to {DeskId} after its shift ended", "triage and start work", IncidentTraces.TraceParent(trace));
                return [Briefing(ending, [item], $"forward {assigned.IncidentId} to {ending.IncomingDeskId.ToUpperInvariant()} desk", trace, links: null)];
            }

            if (!Clock.IsVirtual && assigned.SentAtWall is { } sent && sent < processStartedWall - ClockTolerance)
            {
                logger.LogInformation("{Incident}: an assignment decided at {Sent:O}, before this {Desk} process started, is not taken; dispatch gives a restarted desk what it still owns", assigned.IncidentId, sent, DisplayName);
                return [];
            }

            if (WasTakenWhileDown(assigned.IncidentId, assigned.SimulatedAt))
            {
                logger.LogInformation("{Incident} was given to another desk while {Desk} was down; its earlier assignment is not taken", assigned.IncidentId, DisplayName);
                return [];
            }

            // Heard before, or already held (dispatch gives a restarted desk its work back, and
            // the original may still be on its way): taken once.
            if (model.Holds(assigned.IncidentId) || !assignmentsTaken.Add($"{assigned.IncidentId}@{assigned.ShiftId}"))
            {
                return [];
            }

            traces.Remember(assigned.IncidentId, trace);
            traces.Describe(assigned.IncidentId, assigned.Type, assigned.Severity);
            var events = model.Assign(assigned.IncidentId, assigned.Type, assigned.Severity, WorkHere(assigned.IncidentId, assigned.Type, assigned.WorkMinutes), assigned.DeskOnDutyFrom, Max(Now(), assigned.SimulatedAt), NeedsHelp(assigned.IncidentId, assigned.Type));
            return Signal(Translate(events));
        }
    }

    /// <summary>This desk's shift ends: brief every open item to the incoming desk, or, if the
    /// desk is dark, as soon as it is back.</summary>
    public IReadOnlyList<OutgoingMessage> ShiftEnds(ShiftEnding ending, ActivityContext trace)
    {
        lock (gate)
        {
            // A shift end heard twice (a redelivery) is briefed once.
            if (handedOver.ContainsKey(ending.ShiftId) || endingsWhileDark.Any(d => d.Ending.ShiftId == ending.ShiftId))
            {
                return [];
            }

            if (model.DarkUntil(Max(Now(), ending.SimulatedAt)) is not null)
            {
                // Back-to-back outages: back when the last of them ends.
                var back = Max(Now(), ending.SimulatedAt);
                while (model.DarkUntil(back) is { } later)
                {
                    back = later;
                }

                logger.LogWarning("Shift {ShiftId} ends while {Desk} is dark: no briefing before {Back:u}", ending.ShiftId, DisplayName, back);
                endingsWhileDark.Add((ending, trace, back));
                return Signal([]);
            }

            return Signal(HandOver(ending, trace));
        }
    }

    /// <summary>Briefs every open item to the incoming desk, under a handoff span in the
    /// handoff's trace that links to each item's own trace.</summary>
    private List<OutgoingMessage> HandOver(ShiftEnding ending, ActivityContext trace)
    {
        if (controls.NextBriefing == DeskFault.DropNextBriefing)
        {
            // The outgoing lead walks away without a briefing: the work stays with this desk
            // (nothing is lost, it is just not handed over) and dispatch escalates the handoff
            // whose briefing never came. Later assignments for the shift still go on.
            controls.NextBriefing = null;
            handedOver[ending.ShiftId] = ending;
            var kept = Translate(model.Advance(Max(Now(), ending.SimulatedAt)));
            logger.LogWarning("Briefing {HandoffId} to {Incoming} dropped (fault injected): {Count} item(s) stay with {Desk}", ending.HandoffId, ending.IncomingDeskId, model.OpenCount, DisplayName);
            kept.Add(StateReport(Now()));
            return kept;
        }

        var handed = model.HandOverAll(ending.HandoffId, Max(Now(), ending.SimulatedAt), out var before);
        var messages = Translate(before);
        var items = handed.Select(i => i with
        {
            TraceParent = IncidentTraces.TraceParent(traces.For(i.IncidentId)),
            RemainingWorkMinutes = SkilledWork(i.IncidentId, i.RemainingWorkMinutes),
        }).ToList();
        var links = handed.Select(i => traces.For(i.IncidentId)).Where(c => c != default).Select(c => new ActivityLink(c)).ToList();
        foreach (var item in handed)
        {
            traces.Forget(item.IncidentId);
            needs.Remove(item.IncidentId);
        }

        handedOver[ending.ShiftId] = ending;
        if (controls.NextBriefing == DeskFault.DelayNextBriefing)
        {
            controls.NextBriefing = null;
            delayedBriefings.Add(new DelayedBriefing(Now().AddMinutes(controls.BriefingDelayMinutes), Now(), ending, items, trace, links));
            messages.Add(StateReport(Now()));
            return messages;
        }

        messages.Add(Briefing(ending, items, $"handoff {DeskId.ToUpperInvariant()}→{ending.IncomingDeskId.ToUpperInvariant()}", trace, links));
        logger.LogInformation("Shift {ShiftId} ends: briefing {Count} item(s) to {Incoming} ({HandoffId})", ending.ShiftId, items.Count, ending.IncomingDeskId, ending.HandoffId);

        // Every shift end restates the desk's mode and faults (see ReportState).
        messages.Add(StateReport(Now()));
        return messages;
    }

    /// <summary>Dispatch escalated an incident this desk holds and nobody here has picked up:
    /// page the on-call engineer, or pass the incident to the desk it was escalated to as an
    /// assignment with the work it still needs. One already being worked here stays.</summary>
    public IReadOnlyList<OutgoingMessage> Escalated(IncidentEscalated escalation, ActivityContext trace)
    {
        lock (gate)
        {
            var at = Max(Now(), escalation.SimulatedAt);
            if (escalation.TakenWhileDown)
            {
                return Signal(DropTakenWhileDown(escalation, at));
            }

            if (escalation.Paged)
            {
                logger.LogWarning("{Incident}: paging the {Desk} on-call ({Reason})", escalation.IncidentId, DisplayName, escalation.Reason);
                return Signal(Translate(model.Page(escalation.IncidentId, at.AddMinutes(Options.PagerResponseMinutes), at)));
            }

            var released = model.Release(escalation.IncidentId, at, out var before);
            var messages = Translate(before);
            if (released is not { } work || escalation.ShiftId is null || escalation.DeskOnDutyFrom is null)
            {
                logger.LogInformation("{Incident} escalated to {To}, but {Desk} has picked it up already; it stays", escalation.IncidentId, escalation.DeskId, DisplayName);
                return Signal(messages);
            }

            var context = traces.For(escalation.IncidentId) is var incidentTrace && incidentTrace != default ? incidentTrace : trace;
            traces.Forget(escalation.IncidentId);
            needs.Remove(escalation.IncidentId);
            messages.Add(new OutgoingMessage(
                new IncidentAssigned(escalation.IncidentId, escalation.DeskId, escalation.ShiftId, escalation.DeskOnDutyFrom.Value, false, work.Type, work.Severity, SkilledWork(escalation.IncidentId, work.WorkMinutes), at, SentAtWall: Clock.Wall.GetUtcNow()),
                $"escalate {escalation.IncidentId} to {escalation.DeskId.ToUpperInvariant()} desk",
                context,
                Tags(escalation.IncidentId, at, null, ("ops.escalation.reason", escalation.Reason))));
            return Signal(messages);
        }
    }

    /// <summary>Whether news of an incident issued at <paramref name="issuedAt"/> is older than
    /// dispatch giving it to another desk while this one was down (it waited in the queue).</summary>
    private bool WasTakenWhileDown(string incidentId, DateTimeOffset issuedAt) =>
        takenWhileDown.TryGetValue(incidentId, out var takenAt) && issuedAt <= takenAt;

    /// <summary>Dispatch gave an incident this desk held to another desk while this one was
    /// down: whatever this process did with it since it came back stops, so the work is done
    /// once, by the desk that has it now.</summary>
    private List<OutgoingMessage> DropTakenWhileDown(IncidentEscalated escalation, DateTimeOffset at)
    {
        takenWhileDown[escalation.IncidentId] = escalation.SimulatedAt;
        var dropped = model.Drop(escalation.IncidentId, at, out var events);
        if (dropped)
        {
            traces.Forget(escalation.IncidentId);
            needs.Remove(escalation.IncidentId);
            logger.LogWarning("{Incident} dropped: dispatch gave it to {To} while {Desk} was down ({Reason})", escalation.IncidentId, escalation.DeskId, DisplayName, escalation.Reason);
        }

        return Translate(events);
    }

    /// <summary>Another desk asked for this desk's help: given after the desk's response time on
    /// shift, its on-call's pager response off shift, or, with no desk that could help, after the
    /// time help from outside the operation takes.</summary>
    public IReadOnlyList<OutgoingMessage> AssistRequested(AssistRouted routed, ActivityContext trace)
    {
        lock (gate)
        {
            var at = Max(Now(), routed.SimulatedAt);
            var minutes = routed.External ? Options.ExternalHelpMinutes : routed.ProviderOnDuty ? Options.AssistResponseMinutes : Options.PagerResponseMinutes;
            traces.Remember(AssistTraceKey(routed.IncidentId, routed.RequesterDeskId), trace);
            return Signal(Translate(model.GiveAssist(routed.IncidentId, routed.RequesterDeskId, routed.Kind, routed.RequestedAt, at.AddMinutes(minutes), at)));
        }
    }

    /// <summary>The help this desk asked for came.</summary>
    public IReadOnlyList<OutgoingMessage> AssistArrived(AssistProvided provided)
    {
        lock (gate)
        {
            return Signal(Translate(model.AssistArrived(provided.IncidentId, Max(Now(), provided.SimulatedAt))));
        }
    }

    /// <summary>The work an incident takes here: longer when the desk lacks its skill or is
    /// slowed. Messages carry work as a skilled engineer would do it, so it never grows by
    /// changing hands; the factor taken in is kept per incident, since a slow-down may be lifted
    /// before the incident leaves.</summary>
    private double WorkHere(string incidentId, IncidentType type, double skilledMinutes)
    {
        var factor = (Options.HasSkillFor(type) ? 1 : Options.UnskilledWorkFactor) * controls.SlowFactor;
        workFactors[incidentId] = factor;
        return Math.Round(skilledMinutes * factor, 2);
    }

    /// <summary>Work left here, as a skilled engineer would do it (for a message to another
    /// desk); the incident leaves this desk.</summary>
    private double SkilledWork(string incidentId, double minutesHere)
    {
        var factor = workFactors.Remove(incidentId, out var taken) ? taken : 1;
        return Math.Round(minutesHere / factor, 2);
    }

    /// <summary>Whether an incident needs help only another desk can give; remembered for the request.</summary>
    private bool NeedsHelp(string incidentId, IncidentType type)
    {
        if (IncidentCatalogue.Default.For(type)?.Need is { } need && !string.Equals(need.DeskId, DeskId, StringComparison.OrdinalIgnoreCase))
        {
            needs[incidentId] = need;
            return true;
        }

        return false;
    }

    private static string AssistTraceKey(string incidentId, string requesterDeskId) => $"assist:{incidentId}:{requesterDeskId}";

    /// <summary>A briefing for this desk: the lead reviews the items once on duty; each item
    /// carries on in its incident's trace.</summary>
    public IReadOnlyList<OutgoingMessage> Briefed(HandoffBriefing briefing, ActivityContext trace)
    {
        lock (gate)
        {
            // The briefing itself counts once (an empty one is still taken over once); then its
            // items, so a supplement brings only what is new.
            var first = briefedItemsTaken.Add((briefing.HandoffId, string.Empty));
            var fresh = briefing.Items
                .Where(i => !WasTakenWhileDown(i.IncidentId, briefing.SimulatedAt) && briefedItemsTaken.Add((briefing.HandoffId, i.IncidentId)))
                .ToList();
            if (fresh.Count == 0 && !first)
            {
                // A briefing heard again: nothing new to review, and no second completion.
                return [];
            }

            briefing = briefing with { Items = fresh };
            traces.Remember(briefing.HandoffId, trace);
            foreach (var item in briefing.Items)
            {
                traces.Remember(item.IncidentId, item.TraceParent);
                traces.Describe(item.IncidentId, item.Type, item.Severity);
            }

            // Help still owed to the outgoing desk is asked for again, unless this desk can give it itself.
            var items = briefing.Items.Select(i => i with
            {
                AssistPending = i.AssistPending && NeedsHelp(i.IncidentId, i.Type),
                RemainingWorkMinutes = WorkHere(i.IncidentId, i.Type, i.RemainingWorkMinutes),
            }).ToList();
            var events = model.ReceiveBriefing(briefing.HandoffId, briefing.FromDeskId, items, briefing.SentAtWall, briefing.IncomingShiftStartsAt, reviewPerItem, Max(Now(), briefing.SimulatedAt), byPerson: controls.Human);
            return Signal(Translate(events));
        }
    }

    private OutgoingMessage Briefing(ShiftEnding ending, List<HandoffItem> items, string spanName, ActivityContext trace, IReadOnlyList<ActivityLink>? links)
    {
        var at = Max(Now(), ending.SimulatedAt);
        var briefing = new HandoffBriefing(ending.HandoffId, DeskId, ending.IncomingDeskId, ending.IncomingShiftStartsAt, items, Clock.Wall.GetUtcNow(), at);
        return new OutgoingMessage(briefing, spanName, trace, Tags(null, at, ending.HandoffId, ("ops.handoff.items", items.Count), ("ops.shift.id", ending.ShiftId)), links);
    }

    private List<OutgoingMessage> Translate(IEnumerable<DeskEvent> events)
    {
        var wallNow = Clock.Wall.GetUtcNow();
        var messages = new List<OutgoingMessage>();
        foreach (var e in events)
        {
            messages.Add(e switch
            {
                IncidentAcknowledgedByDesk a => ForIncident(new IncidentAcknowledged(a.IncidentId, DeskId, a.At), "acknowledge", a.IncidentId, a.At),
                WorkStarted s => ForIncident(new IncidentUpdated(s.IncidentId, DeskId, $"{DeskId} engineer started work", "fix and verify", s.At), "work", s.IncidentId, s.At),
                IncidentResolvedByDesk r => ForIncident(new IncidentResolved(r.IncidentId, DeskId, r.At), "resolve", r.IncidentId, r.At),
                HandoffItemQueriedByDesk q => ForIncident(new HandoffItemQueried(q.HandoffId, q.IncidentId, DeskId, q.Question ?? "the briefing left out what was done and what is next", q.At), "query", q.IncidentId, q.At, q.HandoffId),
                HandoffSurpriseFoundByDesk f => ForIncident(new HandoffSurpriseFound(f.HandoffId, f.IncidentId, DeskId, f.ExtraWorkMinutes, f.At), "surprise on", f.IncidentId, f.At, f.HandoffId),
                AssistNeeded n => ForIncident(new AssistRequested(n.IncidentId, DeskId, needs[n.IncidentId].DeskId, needs[n.IncidentId].Kind, n.At), $"ask {needs[n.IncidentId].DeskId.ToUpperInvariant()} desk for {needs[n.IncidentId].Kind} on", n.IncidentId, n.At),
                AssistGiven g => new OutgoingMessage(
                    new AssistProvided(g.IncidentId, g.RequesterDeskId, DeskId, g.Kind, g.RequestedAt, g.At),
                    $"give {g.Kind} for {g.IncidentId} to {g.RequesterDeskId.ToUpperInvariant()} desk",
                    traces.For(AssistTraceKey(g.IncidentId, g.RequesterDeskId)),
                    Tags(g.IncidentId, g.At, null, ("ops.assist.kind", g.Kind.ToString()))),
                HandoffItemTakenOver t => ForIncident(new HandoffItemAccepted(t.HandoffId, t.IncidentId, DeskId, t.BriefingSentAtWall, wallNow, t.At), "accept", t.IncidentId, t.At, t.HandoffId),
                HandoffIntakeFinished f => new OutgoingMessage(
                    new HandoffCompleted(f.HandoffId, f.FromDeskId, DeskId, f.ItemsAccepted, 0, f.BriefingSentAtWall, wallNow, f.At),
                    $"handoff {f.FromDeskId.ToUpperInvariant()}→{DeskId.ToUpperInvariant()} taken over",
                    traces.For(f.HandoffId),
                    Tags(null, f.At, f.HandoffId, ("ops.handoff.items", f.ItemsAccepted))),
                _ => throw new InvalidOperationException($"no message for desk event {e.GetType().Name}"),
            });

            switch (e)
            {
                case IncidentResolvedByDesk resolved:
                    traces.Forget(resolved.IncidentId);
                    needs.Remove(resolved.IncidentId);
                    workFactors.Remove(resolved.IncidentId);
                    break;
                case HandoffIntakeFinished finished:
                    traces.Forget(finished.HandoffId);
                    break;
                case AssistGiven given:
                    traces.Forget(AssistTraceKey(given.IncidentId, given.RequesterDeskId));
                    break;
            }
        }

        return messages;
    }

    private OutgoingMessage ForIncident(IOpsMessage message, string verb, string incidentId, DateTimeOffset at, string? handoffId = null) =>
        new(message, $"{verb} {incidentId} on {DisplayName}", traces.For(incidentId), Tags(incidentId, at, handoffId, traces.KindTags(incidentId)));

    private Dictionary<string, object?> Tags(string? incidentId, DateTimeOffset at, string? handoffId, params (string Key, object? Value)[] extra)
    {
        var tags = new Dictionary<string, object?>
        {
            ["ops.desk"] = DeskId,
            ["ops.simulated_time"] = at.ToString("O", CultureInfo.InvariantCulture),
        };
        if (incidentId is not null)
        {
            tags["ops.incident.id"] = incidentId;
        }

        if (handoffId is not null)
        {
            tags["ops.handoff.id"] = handoffId;
        }

        foreach (var (key, value) in extra)
        {
            tags[key] = value;
        }

        return tags;
    }

    /// <summary>The model changed: the work loop must recompute when it next has to wake.</summary>
    private List<OutgoingMessage> Signal(List<OutgoingMessage> messages)
    {
        Alarm.Ring();
        return messages;
    }

    private DateTimeOffset Now() => Clock.GetUtcNow();

    /// <summary>A handoff briefing held back until <paramref name="Due"/>, built when it goes out.</summary>
    private sealed record DelayedBriefing(DateTimeOffset Due, DateTimeOffset Held, ShiftEnding Ending, List<HandoffItem> Items, ActivityContext Trace, IReadOnlyList<ActivityLink>? Links);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
