using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;
using Malaysia.Ops.Domain.Incidents;
using static Malaysia.Ops.Domain.Instants;

namespace Malaysia.Ops.Desk;

/// <summary>
/// One desk's decisions: messages in, messages out, at the simulated instant it is given. Its
/// <see cref="DeskModel"/>, the work factor and cross-desk need of each incident it holds, the
/// shifts it has handed over, briefings held while it is dark or delayed from the console, and
/// the console's controls. Synchronous and single-threaded, with no clock of its own: the
/// <see cref="DeskProcess"/> carries messages and time to it over a bus, a virtual-time engine
/// directly. Wall-clock fields of what it sends are left unset for whoever publishes
/// (<see cref="DeskWallStamps"/>).
/// </summary>
public sealed class DeskCore
{
    private readonly DeskModel model;
    private readonly DeskOptions options;
    private readonly Guid instance;
    private readonly TimeSpan reviewPerItem;

    // Each incident held here, as it was taken in; removed only by Leave.
    private readonly Dictionary<string, HeldIncident> incidents = new(StringComparer.Ordinal);

    // Shifts this desk has handed over: an assignment for one goes on to the desk that took over.
    private readonly Dictionary<string, ShiftEnding> handedOver = new(StringComparer.Ordinal);

    // Shift ends that came while the desk was dark: briefed when it is back.
    private readonly List<(ShiftEnding Ending, DateTimeOffset Back)> endingsWhileDark = [];

    // Handoffs whose briefing this desk has taken in: a later one for the same handoff is a
    // supplement, which brings only its items (an empty one completes nothing again).
    private readonly HashSet<string> briefingsTaken = new(StringComparer.Ordinal);

    // Incidents dispatch gave to another desk while this one was down, and when: news of one of
    // them issued before then is stale (it waited in the queue) and is not taken.
    private readonly Dictionary<string, DateTimeOffset> takenWhileDown = new(StringComparer.Ordinal);

    // What the console has done to this desk, what reached it while it was stopped (applied when
    // it resumes, as a queue is drained by a service that comes back), and briefings held back
    // by a delay.
    private readonly DeskControls controls = new();
    private readonly List<IOpsMessage> heldWhileStopped = [];
    private readonly List<DelayedBriefing> delayedBriefings = [];
    private readonly List<DeskNote> notes = [];

    /// <param name="instance">This life of the desk, so dispatch can tell a restart from a first
    /// start.</param>
    public DeskCore(DeskOptions options, int seed, Guid instance)
    {
        this.options = options;
        this.instance = instance;
        model = new DeskModel(
            options.Id,
            options.Engineers,
            options.Outages.Select(o => new DeskDarkPeriod(o.From, o.To)),
            options.Handoff.ToQuality(seed),
            options.StaffingModel(),
            options.IncidentsPerEngineer);
        reviewPerItem = TimeSpan.FromMinutes(options.ReviewMinutesPerItem);
        DisplayName = $"{options.Id.ToUpperInvariant()} desk";
    }

    public string DeskId => options.Id;

    /// <summary>"MY desk", as notes and spans say it.</summary>
    public string DisplayName { get; }

    public int OpenCount => model.OpenCount;

    /// <summary>Whether the desk holds the incident now.</summary>
    public bool Holds(string incidentId) => model.Holds(incidentId);

    /// <summary>Whether the desk has handed over the shift (its assignments go on to the next desk).</summary>
    public bool HasHandedOver(string shiftId) => handedOver.ContainsKey(shiftId);

    /// <summary>What the desk says when it starts: it holds nothing yet, so dispatch gives a
    /// restarted desk back what it owned.</summary>
    public IReadOnlyList<IOpsMessage> Start(DateTimeOffset now) => [StateReport(now, started: true)];

    /// <summary>The desk's mode and faults as they are now: told at start, at each shift end and
    /// on a heartbeat, so a board that started later agrees with what the desk does.</summary>
    public DeskStateReported ReportState(DateTimeOffset now) => StateReport(now, started: false);

    /// <summary>What the desk noted since this was last called (for a log), oldest first.</summary>
    public IReadOnlyList<DeskNote> TakeNotes()
    {
        var taken = notes.ToList();
        notes.Clear();
        return taken;
    }

    /// <summary>Applies one message the desk takes and returns what it sends because of it. While
    /// the desk is stopped its work waits, to be applied when it resumes; the console's controls
    /// act at once.</summary>
    public IReadOnlyList<IOpsMessage> Apply(IOpsMessage message, DateTimeOffset now)
    {
        switch (message)
        {
            case DeskFaultInjected fault:
                return Inject(fault, now);
            case DeskRehearsalModeSet { Outgoing: true } mode:
                controls.HumanBriefing = mode.Human;
                Inform($"{DisplayName}: a person {(mode.Human ? "writes" : "no longer writes")} its briefings ({mode.RequestedBy})");
                return [StateReport(Later(now, mode.SimulatedAt))];
            case DeskRehearsalModeSet mode:
                controls.Human = mode.Human;
                Inform($"{DisplayName}: a person {(mode.Human ? "takes" : "no longer takes")} its handoffs ({mode.RequestedBy})");
                return [StateReport(Later(now, mode.SimulatedAt))];
            case IncidentAssigned or ShiftEnding or HandoffBriefing or IncidentEscalated or AssistRouted or AssistProvided or HandoffItemDecided or HandoffBriefingWritten when controls.StoppedSince is not null:
                heldWhileStopped.Add(message);
                return [];
            case IncidentAssigned assigned:
                return Assigned(assigned, now);
            case ShiftEnding ending:
                return ShiftEnds(ending, now);
            case HandoffBriefing briefing:
                return Briefed(briefing, now);
            case IncidentEscalated escalation:
                return Escalated(escalation, now);
            case AssistRouted routed:
                return AssistRequested(routed, now);
            case AssistProvided provided:
                return Translate(model.AssistArrived(provided.IncidentId, Later(now, provided.SimulatedAt)));
            case HandoffItemDecided decision:
                return Decided(decision, now);
            case HandoffBriefingWritten written:
                return Written(written, now);
            default:
                throw new ArgumentException($"the {DisplayName} does not take {message.GetType().Name}", nameof(message));
        }
    }

    /// <summary>The next instant something falls due on its own, or null when nothing will (or
    /// the desk is stopped: it does nothing until it is resumed).</summary>
    public DateTimeOffset? NextDueAt()
    {
        if (controls.StoppedSince is not null)
        {
            return null;
        }

        var next = model.NextDueAt();
        foreach (var due in endingsWhileDark.Select(d => d.Back).Concat(delayedBriefings.Select(d => d.Due)))
        {
            next = next is null || due < next ? due : next;
        }

        return next;
    }

    /// <summary>Everything that has fallen due by <paramref name="now"/>, as messages.</summary>
    public IReadOnlyList<IOpsMessage> Advance(DateTimeOffset now)
    {
        if (controls.StoppedSince is not null)
        {
            return [];
        }

        var messages = Translate(model.Advance(now));
        foreach (var deferred in endingsWhileDark.Where(d => d.Back <= now).ToList())
        {
            endingsWhileDark.Remove(deferred);
            messages.AddRange(HandOver(deferred.Ending, now));
        }

        foreach (var delayed in delayedBriefings.Where(d => d.Due <= now).ToList())
        {
            delayedBriefings.Remove(delayed);
            Warn(delayed.ForPerson
                ? $"Briefing {delayed.Ending.HandoffId} was not written within {options.BriefingWriteMinutes:0.#} simulated minutes; the desk's draft goes out"
                : $"Briefing {delayed.Ending.HandoffId} goes out {(now - delayed.Held).TotalMinutes:0.#} simulated minutes late (delay injected)");
            messages.Add(Briefing(delayed.Ending, delayed.Items, now));
            if (delayed.ForPerson)
            {
                messages.Add(StateReport(now));
            }
        }

        return messages;
    }

    /// <summary>A fault injected from the console, or lifted. Stop and resume change what the desk
    /// can do; the others change how it works from now on. Every change is reported.</summary>
    private List<IOpsMessage> Inject(DeskFaultInjected fault, DateTimeOffset now)
    {
        var messages = new List<IOpsMessage>();
        var at = Later(now, fault.SimulatedAt);
        switch (fault.Fault)
        {
            case DeskFault.Stop when controls.StoppedSince is null:
                // Everything due before the stop still happens.
                messages.AddRange(Translate(model.Advance(at)));
                controls.StoppedSince = at;
                Warn($"{DisplayName} stopped by {fault.RequestedBy}");
                break;
            case DeskFault.Resume or DeskFault.ClearAll when controls.StoppedSince is { } since:
                model.AddDarkPeriod(since, at);
                controls.StoppedSince = null;
                controls.TryApply(fault);
                Warn($"{DisplayName} resumed by {fault.RequestedBy} after {(at - since).TotalMinutes:0} simulated minutes; {heldWhileStopped.Count} message(s) waited");
                messages.AddRange(Drain(now));
                break;
            case DeskFault.Stop or DeskFault.Resume:
                // Already stopped, or not stopped: nothing changes.
                break;
            default:
                if (!controls.TryApply(fault))
                {
                    Warn($"Fault {fault.Fault} for {DisplayName} from {fault.RequestedBy} ignored: factor {fault.Factor} / delay {fault.DelayMinutes} out of range");
                    return [];
                }

                break;
        }

        messages.Add(StateReport(at));
        return messages;
    }

    /// <summary>Applies, in the order they came, the messages that waited while the desk was
    /// stopped (they were acknowledged to the broker then). One that fails is noted with its
    /// reason and the rest still go through.</summary>
    private List<IOpsMessage> Drain(DateTimeOffset now)
    {
        var messages = new List<IOpsMessage>();
        var held = heldWhileStopped.ToList();
        heldWhileStopped.Clear();
        foreach (var message in held)
        {
            try
            {
                messages.AddRange(Apply(message, now));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                Warn($"{DisplayName}: a message that waited while it was stopped could not be handled: {e.Message}");
            }
        }

        return messages;
    }

    /// <summary>The person's decision on a briefed item; nothing when no such item waits for a
    /// person here.</summary>
    private List<IOpsMessage> Decided(HandoffItemDecided decision, DateTimeOffset now)
    {
        var events = model.PersonDecides(decision.HandoffId, decision.IncidentId, decision.Accept, decision.Question, Later(now, decision.SimulatedAt));
        if (events is null)
        {
            Inform($"{decision.IncidentId} of {decision.HandoffId} does not wait for a person on {DisplayName}; decision by {decision.DecidedBy} ignored");
            return [];
        }

        return Translate(events);
    }

    /// <summary>The briefing the desk's outgoing lead wrote: it goes out as written; nothing when
    /// no briefing of that handoff waits for them (sent already, or never held).</summary>
    private List<IOpsMessage> Written(HandoffBriefingWritten written, DateTimeOffset now)
    {
        var held = delayedBriefings.FirstOrDefault(d => d.ForPerson && d.Ending.HandoffId == written.HandoffId);
        if (held is null)
        {
            Inform($"Briefing {written.HandoffId} does not wait for a person on {DisplayName}; the one {written.WrittenBy} wrote is ignored");
            return [];
        }

        delayedBriefings.Remove(held);
        var items = WrittenBriefings.AsWritten(held.Items, written);
        Inform($"Briefing {written.HandoffId} written by {written.WrittenBy}: {items.Count(i => !i.ContextMissing)} of {items.Count} item(s) briefed");
        return [Briefing(held.Ending, items, now), StateReport(now)];
    }

    /// <summary>A new incident for this desk. An assignment for a shift this desk has already
    /// handed over goes on to the desk that took over, in a supplementary briefing; one the desk
    /// holds already changes nothing.</summary>
    private List<IOpsMessage> Assigned(IncidentAssigned assigned, DateTimeOffset now)
    {
        if (handedOver.TryGetValue(assigned.ShiftId, out var ending))
        {
            Inform($"{assigned.IncidentId} arrived after shift {assigned.ShiftId} ended; forwarding it to {ending.IncomingDeskId}");
            var item = new HandoffItem(assigned.IncidentId, assigned.Type, assigned.Severity, WorkStatus.Queued, false, assigned.WorkMinutes, 1, $"assigned to {DeskId} after its shift ended", "triage and start work");
            return [Briefing(ending, [item], now)];
        }

        if (WasTakenWhileDown(assigned.IncidentId, assigned.SimulatedAt))
        {
            Inform($"{assigned.IncidentId} was given to another desk while {DisplayName} was down; its earlier assignment is not taken");
            return [];
        }

        if (model.Holds(assigned.IncidentId))
        {
            return [];
        }

        var held = Take(assigned.IncidentId, assigned.Type);
        var events = model.Assign(assigned.IncidentId, assigned.Type, assigned.Severity, held.WorkHere(assigned.WorkMinutes), assigned.DeskOnDutyFrom, Later(now, assigned.SimulatedAt), held.Need is not null);
        return Translate(events);
    }

    /// <summary>This desk's shift ends: brief every open item to the incoming desk, or, if the
    /// desk is dark, as soon as it is back. A shift end heard twice is briefed once.</summary>
    private List<IOpsMessage> ShiftEnds(ShiftEnding ending, DateTimeOffset now)
    {
        if (handedOver.ContainsKey(ending.ShiftId) || endingsWhileDark.Any(d => d.Ending.ShiftId == ending.ShiftId))
        {
            return [];
        }

        var at = Later(now, ending.SimulatedAt);
        if (model.DarkUntil(at) is not null)
        {
            // Back-to-back outages: back when the last of them ends.
            var back = at;
            while (model.DarkUntil(back) is { } later)
            {
                back = later;
            }

            Warn($"Shift {ending.ShiftId} ends while {DisplayName} is dark: no briefing before {back:u}");
            endingsWhileDark.Add((ending, back));
            return [];
        }

        return HandOver(ending, now);
    }

    /// <summary>Briefs every open item to the incoming desk (unless the console dropped or
    /// delayed the briefing), then restates the desk's mode and faults.</summary>
    private List<IOpsMessage> HandOver(ShiftEnding ending, DateTimeOffset now)
    {
        var at = Later(now, ending.SimulatedAt);
        handedOver[ending.ShiftId] = ending;
        if (controls.NextBriefing == DeskFault.DropNextBriefing)
        {
            // The outgoing lead walks away without a briefing: the work stays with this desk
            // (nothing is lost, it is just not handed over) and dispatch escalates the handoff
            // whose briefing never came. Later assignments for the shift still go on.
            controls.NextBriefing = null;
            var kept = Translate(model.Advance(at));
            Warn($"Briefing {ending.HandoffId} to {ending.IncomingDeskId} dropped (fault injected): {model.OpenCount} item(s) stay with {DisplayName}");
            kept.Add(StateReport(now));
            return kept;
        }

        var handed = model.HandOverAll(ending.HandoffId, at, out var before);
        var messages = Translate(before);
        var items = handed.Select(i => WrittenBriefings.Drafted(BriefedItems.ToWire(i with { RemainingWorkMinutes = SkilledWork(Leave(i.IncidentId), i.RemainingWorkMinutes) }))).ToList();
        if (controls.NextBriefing == DeskFault.DelayNextBriefing)
        {
            controls.NextBriefing = null;
            delayedBriefings.Add(new DelayedBriefing(now.AddMinutes(controls.BriefingDelayMinutes), now, ending, items));
            messages.Add(StateReport(now));
            return messages;
        }

        if (controls.HumanBriefing)
        {
            // The outgoing lead writes it; the desk's draft goes out if they have not in time.
            delayedBriefings.Add(new DelayedBriefing(at.AddMinutes(options.BriefingWriteMinutes), at, ending, items, ForPerson: true));
            Inform($"Shift {ending.ShiftId} ends: {items.Count} item(s) wait for the outgoing lead's briefing ({ending.HandoffId})");
            messages.Add(StateReport(now));
            return messages;
        }

        messages.Add(Briefing(ending, items, now));
        Inform($"Shift {ending.ShiftId} ends: briefing {items.Count} item(s) to {ending.IncomingDeskId} ({ending.HandoffId})");
        messages.Add(StateReport(now));
        return messages;
    }

    /// <summary>Dispatch escalated an incident this desk holds and nobody here has picked up:
    /// page the on-call engineer, or pass the incident to the desk it was escalated to as an
    /// assignment with the work it still needs. One already being worked here stays.</summary>
    private List<IOpsMessage> Escalated(IncidentEscalated escalation, DateTimeOffset now)
    {
        var at = Later(now, escalation.SimulatedAt);
        if (escalation.TakenWhileDown)
        {
            return DropTakenWhileDown(escalation, at);
        }

        if (escalation.Paged)
        {
            Warn($"{escalation.IncidentId}: paging the {DisplayName} on-call ({escalation.Reason})");
            return Translate(model.Page(escalation.IncidentId, at.AddMinutes(options.PagerResponseMinutes), at));
        }

        var released = model.Release(escalation.IncidentId, at, out var before);
        var messages = Translate(before);
        if (released is not { } work || escalation.ShiftId is null || escalation.DeskOnDutyFrom is null)
        {
            Inform($"{escalation.IncidentId} escalated to {escalation.DeskId}, but {DisplayName} has picked it up already; it stays");
            return messages;
        }

        var skilled = SkilledWork(Leave(escalation.IncidentId), work.WorkMinutes);
        messages.Add(new IncidentAssigned(escalation.IncidentId, escalation.DeskId, escalation.ShiftId, escalation.DeskOnDutyFrom.Value, false, work.Type, work.Severity, skilled, at));
        return messages;
    }

    /// <summary>Dispatch gave an incident this desk held to another desk while this one was
    /// down: whatever the desk did with it since it came back stops, so the work is done once,
    /// by the desk that has it now.</summary>
    private List<IOpsMessage> DropTakenWhileDown(IncidentEscalated escalation, DateTimeOffset at)
    {
        takenWhileDown[escalation.IncidentId] = escalation.SimulatedAt;
        if (model.Drop(escalation.IncidentId, at, out var events))
        {
            Leave(escalation.IncidentId);
            Warn($"{escalation.IncidentId} dropped: dispatch gave it to {escalation.DeskId} while {DisplayName} was down ({escalation.Reason})");
        }

        return Translate(events);
    }

    /// <summary>Whether news of an incident issued at <paramref name="issuedAt"/> is older than
    /// dispatch giving it to another desk while this one was down (it waited in the queue).</summary>
    private bool WasTakenWhileDown(string incidentId, DateTimeOffset issuedAt) =>
        takenWhileDown.TryGetValue(incidentId, out var takenAt) && issuedAt <= takenAt;

    /// <summary>Another desk asked for this desk's help: given after the desk's response time on
    /// shift, its on-call's pager response off shift, or, with no desk that could help, after the
    /// time help from outside the operation takes.</summary>
    private List<IOpsMessage> AssistRequested(AssistRouted routed, DateTimeOffset now)
    {
        var at = Later(now, routed.SimulatedAt);
        var minutes = routed.External ? options.ExternalHelpMinutes : routed.ProviderOnDuty ? options.AssistResponseMinutes : options.PagerResponseMinutes;
        return Translate(model.GiveAssist(routed.IncidentId, routed.RequesterDeskId, routed.Kind, routed.RequestedAt, at.AddMinutes(minutes), at));
    }

    /// <summary>A briefing for this desk: the lead reviews the items once on duty. Items given to
    /// another desk while this one was down are left out; a briefing counts once (an empty one
    /// is still taken over once), so a supplement brings only its items.</summary>
    private List<IOpsMessage> Briefed(HandoffBriefing briefing, DateTimeOffset now)
    {
        var first = briefingsTaken.Add(briefing.HandoffId);
        var fresh = briefing.Items.Where(i => !WasTakenWhileDown(i.IncidentId, briefing.SimulatedAt)).ToList();
        if (fresh.Count == 0 && !first)
        {
            return [];
        }

        // Help still owed to the outgoing desk is asked for again, unless this desk can give it itself.
        var items = fresh.Select(i =>
        {
            var held = Take(i.IncidentId, i.Type);
            return BriefedItems.FromWire(i) with { AssistPending = i.AssistPending && held.Need is not null, RemainingWorkMinutes = held.WorkHere(i.RemainingWorkMinutes) };
        }).ToList();
        var events = model.ReceiveBriefing(briefing.HandoffId, briefing.FromDeskId, items, briefing.SentAtWall, briefing.IncomingShiftStartsAt, reviewPerItem, Later(now, briefing.SimulatedAt), byPerson: controls.Human);
        return Translate(events);
    }

    /// <summary>Takes an incident in: how much longer than a skilled engineer it takes here (no
    /// skill, a slowed desk) as things are now, since a slow-down may be lifted before it leaves,
    /// and the help only another desk can give it, if any.</summary>
    private HeldIncident Take(string incidentId, IncidentType type)
    {
        var factor = (options.HasSkillFor(type) ? 1 : options.UnskilledWorkFactor) * controls.SlowFactor;
        var need = IncidentCatalogue.Default.For(type)?.Need is { } n && !string.Equals(n.DeskId, DeskId, StringComparison.OrdinalIgnoreCase) ? n : null;
        var held = new HeldIncident(factor, need);
        incidents[incidentId] = held;
        return held;
    }

    /// <summary>The incident leaves this desk (resolved, handed over, passed on or dropped): the
    /// one place its state here is removed.</summary>
    private HeldIncident? Leave(string incidentId) => incidents.Remove(incidentId, out var held) ? held : null;

    /// <summary>Work left, as a skilled engineer would do it (messages to another desk carry work
    /// that way, so it never grows by changing hands).</summary>
    private static double SkilledWork(HeldIncident? held, double minutesHere) => Math.Round(minutesHere / (held?.WorkFactor ?? 1), 2);

    private HandoffBriefing Briefing(ShiftEnding ending, List<HandoffItem> items, DateTimeOffset now) =>
        new(ending.HandoffId, DeskId, ending.IncomingDeskId, ending.IncomingShiftStartsAt, items, SentAtWall: default, Later(now, ending.SimulatedAt));

    private DeskStateReported StateReport(DateTimeOffset at, bool started = false) =>
        new(DeskId, controls.Human, controls.Faults(), at, Started: started, Instance: instance, HumanBriefing: controls.HumanBriefing,
            BriefingToWrite: delayedBriefings.FirstOrDefault(d => d.ForPerson) is { } held ? Briefing(held.Ending, held.Items, held.Held) : null);

    private List<IOpsMessage> Translate(IEnumerable<DeskEvent> events)
    {
        var messages = new List<IOpsMessage>();
        foreach (var e in events)
        {
            messages.Add(e switch
            {
                IncidentAcknowledgedByDesk a => new IncidentAcknowledged(a.IncidentId, DeskId, a.At),
                WorkStarted s => new IncidentUpdated(s.IncidentId, DeskId, $"{DeskId} engineer started work", "fix and verify", s.At, WorkStarted: true),
                IncidentResolvedByDesk r => Resolved(r),
                HandoffItemQueriedByDesk q => new HandoffItemQueried(q.HandoffId, q.IncidentId, DeskId, q.Question ?? "the briefing left out what was done and what is next", q.At),
                HandoffSurpriseFoundByDesk f => new HandoffSurpriseFound(f.HandoffId, f.IncidentId, DeskId, f.ExtraWorkMinutes, f.At),
                AssistNeeded n => AssistRequest(n),
                AssistGiven g => new AssistProvided(g.IncidentId, g.RequesterDeskId, DeskId, g.Kind, g.RequestedAt, g.At),
                HandoffItemTakenOver t => new HandoffItemAccepted(t.HandoffId, t.IncidentId, DeskId, t.BriefingSentAtWall, AcceptedAtWall: default, t.At),
                HandoffIntakeFinished f => new HandoffCompleted(f.HandoffId, f.FromDeskId, DeskId, f.ItemsAccepted, 0, f.BriefingSentAtWall, CompletedAtWall: default, f.At),
                _ => throw new InvalidOperationException($"no message for desk event {e.GetType().Name}"),
            });
        }

        return messages;
    }

    private IncidentResolved Resolved(IncidentResolvedByDesk resolved)
    {
        Leave(resolved.IncidentId);
        return new IncidentResolved(resolved.IncidentId, DeskId, resolved.At);
    }

    private AssistRequested AssistRequest(AssistNeeded needed)
    {
        var need = incidents.GetValueOrDefault(needed.IncidentId)?.Need
            ?? throw new InvalidOperationException($"{needed.IncidentId} needs help, but {DisplayName} knows of no desk that gives it");
        return new AssistRequested(needed.IncidentId, DeskId, need.DeskId, need.Kind, needed.At);
    }

    private void Inform(string text) => notes.Add(new DeskNote(false, text));

    private void Warn(string text) => notes.Add(new DeskNote(true, text));

    /// <summary>A handoff briefing held back until <paramref name="Due"/>: by a delay, or
    /// (<paramref name="ForPerson"/>) for the outgoing lead to write.</summary>
    private sealed record DelayedBriefing(DateTimeOffset Due, DateTimeOffset Held, ShiftEnding Ending, List<HandoffItem> Items, bool ForPerson = false);
}
