using System.Globalization;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Messaging;
using static Malaysia.Ops.Domain.Instants;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>
/// The live board's picture of the run, built only from the messages the services publish (so
/// it is the same whether the run is in this process or spread over a broker): incidents and who
/// holds them, handoffs and their items, the desks' own reports of their mode and faults, and a
/// timeline of what happened, control actions included. Free of I/O; thread-safe. A message
/// that fails the services' own input checks is refused whole with an
/// <see cref="InvalidMessageException"/> and leaves the board as it was; what the board keeps is
/// bounded however many messages come.
/// <paramref name="incidentsKept"/> and <paramref name="itemsKept"/>: the most open incidents and
/// handoff items the board holds (well beyond what one screen shows); past them the oldest leave
/// it, counted in the totals.
/// </summary>
public sealed class BoardProjection(
    Roster roster,
    ServiceLevels serviceLevels,
    string? traceUrlTemplate = null,
    int timelineLength = 200,
    int incidentsKept = 100_000,
    int itemsKept = 10_000)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, IncidentView> incidents = new(StringComparer.Ordinal);

    // Open incidents in the order they came, so the oldest leaves first when the board is full.
    private readonly LinkedList<string> raisedOrder = new();
    private readonly Dictionary<string, HandoffView> handoffs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeskStateReported> deskStates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<DateTimeOffset> raisedTimes = new();
    private readonly Queue<DateTimeOffset> resolvedTimes = new();
    private readonly LinkedList<TimelineEntry> timeline = new();

    // Resolved incidents leave the board (a long load demo would otherwise grow it without
    // end); the latest ids stay, so a late or repeated message about one changes nothing.
    private readonly HashSet<string> resolvedIds = new(StringComparer.Ordinal);
    private readonly Queue<string> resolvedOrder = new();

    // When each recent shift ended, as dispatch announced it: a handoff's latency counts from
    // there, as the report's does, not from when its briefing came.
    private readonly Dictionary<string, DateTimeOffset> shiftEnds = new(StringComparer.Ordinal);
    private int raised;
    private int resolved;
    private int escalated;
    private int handoffsSeen;
    private int itemsAccepted;
    private int itemsEscalated;
    private int incidentsDropped;
    private int itemsDropped;
    private int itemsHeld;
    private long messages;

    /// <summary>Resolved incident ids kept against repeats, and handoffs kept for the board
    /// (older ones leave it once nobody has to decide on them; the totals still count them).</summary>
    private const int ResolvedIdsKept = 10_000;
    private const int HandoffsKept = 100;
    private const int ShiftEndsKept = 64;

    public Roster Roster => roster;

    /// <summary>Messages the board has taken in, for the messages-per-second figure.</summary>
    public long MessagesSeen => Interlocked.Read(ref messages);

    public void Raised(IncidentRaised raised, string? traceId, bool synthetic, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny(nameof(IncidentRaised), IncidentFieldChecks.Problems(raised));
        lock (gate)
        {
            Count();
            if (incidents.ContainsKey(raised.IncidentId) || resolvedIds.Contains(raised.IncidentId))
            {
                return;
            }

            this.raised++;
            incidents[raised.IncidentId] = new IncidentView(raised.IncidentId, raised.Type, raised.Severity, raised.SimulatedAt, traceId, synthetic, raisedOrder.AddLast(raised.IncidentId));
            if (incidents.Count > incidentsKept)
            {
                incidents.Remove(raisedOrder.First!.Value);
                raisedOrder.RemoveFirst();
                incidentsDropped++;
            }

            Enqueue(raisedTimes, raised.SimulatedAt);
            if (raised.Severity == Severity.Sev1 || raised.IncidentId.StartsWith(IncidentIds.ConsolePrefix, StringComparison.Ordinal))
            {
                Log(raised.SimulatedAt, wall, TimelineKind.Incident, $"{raised.IncidentId} {raised.Severity} {raised.Type} raised on {raised.ClusterId}: {raised.Summary}");
            }
        }
    }

    public void Assigned(IncidentAssigned assigned)
    {
        InvalidMessageException.ThrowIfAny(nameof(IncidentAssigned), IncidentFieldChecks.Problems(assigned));
        lock (gate)
        {
            Count();
            if (incidents.TryGetValue(assigned.IncidentId, out var incident))
            {
                incident.DeskId = assigned.DeskId;
                incident.Status = incident.Acknowledged ? OpenIncidentStatus.Acknowledged : OpenIncidentStatus.Assigned;
            }
        }
    }

    public void Acknowledged(IncidentAcknowledged acknowledged)
    {
        InvalidMessageException.ThrowIfAny(nameof(IncidentAcknowledged), BoardMessageChecks.Problems(acknowledged));
        lock (gate)
        {
            Count();
            if (incidents.TryGetValue(acknowledged.IncidentId, out var incident))
            {
                incident.Acknowledged = true;
                incident.DeskId = acknowledged.DeskId;
                incident.Status = OpenIncidentStatus.Acknowledged;
            }
        }
    }

    public void Escalated(IncidentEscalated escalation, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny(nameof(IncidentEscalated), BoardMessageChecks.Problems(escalation));
        lock (gate)
        {
            Count();
            escalated++;
            if (incidents.TryGetValue(escalation.IncidentId, out var incident))
            {
                incident.Status = OpenIncidentStatus.Escalated;
                incident.DeskId = escalation.Paged ? escalation.FromDeskId : escalation.DeskId;
            }

            Log(escalation.SimulatedAt, wall, TimelineKind.Incident, $"{escalation.IncidentId} escalated: {escalation.Reason}");
        }
    }

    public void Resolved(IncidentResolved message)
    {
        InvalidMessageException.ThrowIfAny(nameof(IncidentResolved), BoardMessageChecks.Problems(message));
        lock (gate)
        {
            Count();
            if (incidents.Remove(message.IncidentId, out var incident))
            {
                raisedOrder.Remove(incident.Order);
                resolvedIds.Add(message.IncidentId);
                resolvedOrder.Enqueue(message.IncidentId);
                if (resolvedOrder.Count > ResolvedIdsKept)
                {
                    resolvedIds.Remove(resolvedOrder.Dequeue());
                }

                resolved++;
                Enqueue(resolvedTimes, message.SimulatedAt);
            }
        }
    }

    /// <summary>Dispatch opened a handoff: the instant its latency counts from.</summary>
    public void ShiftEnded(ShiftEnding ending)
    {
        InvalidMessageException.ThrowIfAny(nameof(ShiftEnding), BoardMessageChecks.Problems(ending));
        lock (gate)
        {
            Count();
            if (handoffs.TryGetValue(ending.HandoffId, out var handoff))
            {
                handoff.ShiftEndsAt ??= ending.SimulatedAt;
                return;
            }

            shiftEnds[ending.HandoffId] = ending.SimulatedAt;
            if (shiftEnds.Count > ShiftEndsKept)
            {
                shiftEnds.Remove(shiftEnds.MinBy(e => e.Value).Key);
            }
        }
    }

    /// <summary>A briefing: its items now wait for the incoming desk (a person, if that desk is
    /// in rehearsal mode when it arrives). A supplement adds items to the same handoff.</summary>
    public void Briefed(HandoffBriefing briefing, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny(nameof(HandoffBriefing), BoardMessageChecks.Problems(briefing));
        lock (gate)
        {
            Count();
            var isNew = !handoffs.TryGetValue(briefing.HandoffId, out var handoff);
            handoff ??= Add(new HandoffView(briefing.HandoffId, briefing.FromDeskId, briefing.ToDeskId, briefing.SimulatedAt, IsHuman(briefing.ToDeskId)));

            foreach (var item in briefing.Items)
            {
                if (!handoff.Items.ContainsKey(item.IncidentId))
                {
                    Hold(handoff, new ItemView(item, briefing.SimulatedAt));
                }

                if (incidents.TryGetValue(item.IncidentId, out var incident))
                {
                    incident.DeskId = briefing.ToDeskId;
                    incident.Status = OpenIncidentStatus.InHandoff;
                }
            }

            if (isNew)
            {
                Log(briefing.SimulatedAt, wall, TimelineKind.Handoff, $"{Desk(briefing.FromDeskId)} briefed {Desk(briefing.ToDeskId)}: {briefing.Items.Count} item(s){(handoff.ByPerson ? ", waiting for a person" : string.Empty)}");
            }
        }
    }

    public void ItemAccepted(HandoffItemAccepted accepted, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny(nameof(HandoffItemAccepted), BoardMessageChecks.Problems(accepted));
        lock (gate)
        {
            Count();
            if (!handoffs.TryGetValue(accepted.HandoffId, out var handoff) || !handoff.Items.TryGetValue(accepted.IncidentId, out var item) || item.AcceptedAt is not null)
            {
                return;
            }

            item.AcceptedAt = accepted.SimulatedAt;
            item.State = PendingItemState.Accepted;
            itemsAccepted++;
            if (incidents.TryGetValue(accepted.IncidentId, out var incident))
            {
                incident.Status = incident.Acknowledged ? OpenIncidentStatus.Acknowledged : OpenIncidentStatus.Assigned;
            }

            if (handoff.ByPerson)
            {
                Log(accepted.SimulatedAt, wall, TimelineKind.Handoff, string.Create(CultureInfo.InvariantCulture, $"{accepted.IncidentId} accepted by the {Desk(accepted.DeskId)} lead after {(accepted.SimulatedAt - handoff.LatencyFrom).TotalMinutes:0.#} min"));
            }
        }
    }

    public void ItemQueried(HandoffItemQueried query, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny(nameof(HandoffItemQueried), BoardMessageChecks.Problems(query));
        lock (gate)
        {
            Count();
            if (handoffs.TryGetValue(query.HandoffId, out var handoff) && handoff.Items.TryGetValue(query.IncidentId, out var item))
            {
                item.Queried = true;
                if (item.AcceptedAt is null && item.State != PendingItemState.Escalated)
                {
                    item.State = PendingItemState.Queried;
                }
            }

            Log(query.SimulatedAt, wall, TimelineKind.Handoff, $"{Desk(query.DeskId)} queried {query.IncidentId}: {query.Question}");
        }
    }

    public void HandoffCompleted(HandoffCompleted completed, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny(nameof(Contracts.HandoffCompleted), BoardMessageChecks.Problems(completed));
        lock (gate)
        {
            Count();
            if (handoffs.TryGetValue(completed.HandoffId, out var handoff) && !handoff.Completed)
            {
                handoff.Completed = true;
                Log(completed.SimulatedAt, wall, TimelineKind.Handoff, $"{Desk(completed.FromDeskId)} → {Desk(completed.ToDeskId)} handoff taken over ({completed.ItemsAccepted} item(s))");
            }
        }
    }

    /// <summary>Dispatch escalated an item nobody accepted in time, or a whole handoff whose
    /// briefing never came (no incident id).</summary>
    public void HandoffEscalated(HandoffEscalated escalation, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny(nameof(Contracts.HandoffEscalated), BoardMessageChecks.Problems(escalation));
        lock (gate)
        {
            Count();
            if (!handoffs.TryGetValue(escalation.HandoffId, out var handoff))
            {
                handoff = Add(new HandoffView(escalation.HandoffId, escalation.FromDeskId, escalation.ToDeskId, escalation.SimulatedAt, IsHuman(escalation.ToDeskId)));
            }

            handoff.Escalated++;
            itemsEscalated++;
            if (!string.IsNullOrEmpty(escalation.IncidentId) && handoff.Items.TryGetValue(escalation.IncidentId, out var item) && item.AcceptedAt is null)
            {
                item.State = PendingItemState.Escalated;
                if (incidents.TryGetValue(escalation.IncidentId, out var incident))
                {
                    incident.Status = OpenIncidentStatus.Escalated;
                }
            }

            Log(escalation.SimulatedAt, wall, TimelineKind.Handoff, $"{(string.IsNullOrEmpty(escalation.IncidentId) ? "handoff " + escalation.HandoffId : escalation.IncidentId)} escalated: {escalation.Reason}");
        }
    }

    public void DeskReported(DeskStateReported state, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny(nameof(DeskStateReported), BoardMessageChecks.Problems(state));
        lock (gate)
        {
            Count();

            // Only the roster's desks are on the board; reports naming others would only pile up.
            if (!roster.Desks.Any(d => string.Equals(d.DeskId, state.DeskId, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            deskStates.TryGetValue(state.DeskId, out var before);
            deskStates[state.DeskId] = state;
            if (before is null || before.Human != state.Human || before.HumanBriefing != state.HumanBriefing || !before.Faults.SequenceEqual(state.Faults))
            {
                var faults = state.Faults.Count == 0 ? "no faults" : string.Join(", ", state.Faults);
                var briefings = state.HumanBriefing ? "; a person writes its briefings" : string.Empty;
                Log(state.SimulatedAt, wall, TimelineKind.Fault, $"{Desk(state.DeskId)} reports: {(state.Human ? "a person takes its handoffs" : "handoffs taken automatically")}{briefings}; {faults}");
            }

            if (state.BriefingToWrite is { } held && before?.BriefingToWrite?.HandoffId != held.HandoffId)
            {
                Log(state.SimulatedAt, wall, TimelineKind.Handoff, $"{Desk(state.DeskId)}'s shift ended: {held.Items.Count} item(s) wait for its outgoing lead's briefing");
            }
        }
    }

    /// <summary>A message desk <paramref name="deskId"/> could not process (a poison message, moved
    /// to its error queue), in its process <paramref name="process"/> when named.</summary>
    public void Rejected(string deskId, string? process, string messageType, string reason, DateTimeOffset at, DateTimeOffset wall)
    {
        InvalidMessageException.ThrowIfAny($"Fault<{messageType}>", BoardMessageChecks.RejectionProblems(deskId, process, reason));
        lock (gate)
        {
            Count();
            var service = process is { Length: > 0 } ? $"{deskId} desk ({process})" : $"{deskId} desk";
            Log(at, wall, TimelineKind.Fault, $"{service} rejected a {messageType} (moved to its error queue): {reason}");
        }
    }

    /// <summary>A control action from the console, as the timeline shows it.</summary>
    public void Control(string text, DateTimeOffset at, DateTimeOffset wall)
    {
        lock (gate)
        {
            Log(at, wall, TimelineKind.Control, text);
        }
    }

    /// <summary>The incoming lead's read-back of an item, kept with the item for the board and
    /// the debrief.</summary>
    public void ReadBack(string handoffId, string incidentId, string text)
    {
        lock (gate)
        {
            if (handoffs.TryGetValue(handoffId, out var handoff) && handoff.Items.TryGetValue(incidentId, out var item))
            {
                item.ReadBack = text;
            }
        }
    }

    /// <summary>The briefing of <paramref name="handoffId"/> a desk holds for its outgoing lead
    /// to write, or null when none does.</summary>
    public BriefingToWrite? ToWrite(string handoffId)
    {
        lock (gate)
        {
            return BriefingsToWrite().FirstOrDefault(b => b.HandoffId == handoffId);
        }
    }

    /// <summary>The desk whose person decides on an item of a handoff, or null when the item
    /// does not wait for a person (accepted, or not briefed to a desk in rehearsal). An item
    /// dispatch escalated still waits on the desk: its late acceptance is booked as late.</summary>
    public string? PersonItem(string handoffId, string incidentId)
    {
        lock (gate)
        {
            return handoffs.TryGetValue(handoffId, out var handoff) && handoff.ByPerson
                && handoff.Items.TryGetValue(incidentId, out var item) && item.AcceptedAt is null
                ? handoff.ToDeskId
                : null;
        }
    }

    public BoardSnapshot Snapshot(string scenario, string mode, RunStatus run, BoardFlow flow)
    {
        var now = run.SimulatedNow;
        lock (gate)
        {
            Prune(raisedTimes, now);
            Prune(resolvedTimes, now);
            var open = incidents.Values.ToList();
            var onDuty = roster.OnDuty(now).Select(s => s.DeskId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new BoardSnapshot(
                scenario,
                mode,
                run,
                Clocks(now),
                new DutyStatus(onDuty, NextHandoffAfter(now)),
                Coverage(now),
                roster.Desks.Select(d => DeskBoard(d, onDuty, open, now)).ToList(),
                handoffs.Values.OrderByDescending(h => h.BriefedAt).ThenByDescending(h => h.HandoffId, StringComparer.Ordinal).Take(12).Select(Row).ToList(),
                Pending(now),
                flow with { RaisedLastHour = raisedTimes.Count, ResolvedLastHour = resolvedTimes.Count },
                new BoardTotals(
                    raised,
                    resolved,
                    open.Count,
                    escalated,
                    handoffsSeen,
                    itemsAccepted,
                    itemsEscalated,
                    incidentsDropped,
                    itemsDropped),
                [.. timeline.Take(50)],
                BriefingsToWrite());
        }
    }

    private List<BriefingToWrite> BriefingsToWrite() => deskStates.Values
        .Where(s => s.BriefingToWrite is not null)
        .Select(s => s.BriefingToWrite!)
        .Select(b => new BriefingToWrite(b.HandoffId, b.FromDeskId, b.ToDeskId, b.SimulatedAt, b.Items))
        .OrderBy(b => b.HeldAt)
        .ToList();

    private DeskBoard DeskBoard(DeskRoster desk, List<string> onDuty, List<IncidentView> open, DateTimeOffset now)
    {
        deskStates.TryGetValue(desk.DeskId, out var state);
        var held = open
            .Where(i => string.Equals(i.DeskId, desk.DeskId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => i.Severity)
            .ThenBy(i => i.RaisedAt)
            .Select(i => new OpenIncident(i.IncidentId, i.Type, i.Severity, Math.Round((now - i.RaisedAt).TotalMinutes, 1), i.Status, Sla(i, now), TraceUrl(i.TraceId), i.Synthetic))
            .ToList();
        return new DeskBoard(
            desk.DeskId,
            desk.DisplayName,
            desk.TimeZone.Id,
            onDuty.Contains(desk.DeskId, StringComparer.OrdinalIgnoreCase),
            state?.Human ?? false,
            state?.Faults ?? [],
            held);
    }

    /// <summary>ok, at-risk (past half its target) or breached: the acknowledgement target
    /// until acknowledged, the resolution target after.</summary>
    private SlaState Sla(IncidentView incident, DateTimeOffset now)
    {
        var level = serviceLevels.For(incident.Severity);
        var target = incident.Acknowledged ? level.ResolveWithin : level.AcknowledgeWithin;
        var age = now - incident.RaisedAt;
        return age > target ? SlaState.Breached : age > target / 2 ? SlaState.AtRisk : SlaState.Ok;
    }

    private string? TraceUrl(string? traceId) =>
        traceUrlTemplate is { Length: > 0 } template && traceId is not null ? template.Replace("{traceId}", traceId, StringComparison.Ordinal) : null;

    private HandoffRow Row(HandoffView handoff)
    {
        var latencies = handoff.Items.Values
            .Where(i => i.AcceptedAt is not null)
            .Select(i => (i.AcceptedAt!.Value - handoff.LatencyFrom).TotalMinutes)
            .Order()
            .ToList();
        return new HandoffRow(
            handoff.HandoffId,
            handoff.FromDeskId,
            handoff.ToDeskId,
            handoff.BriefedAt,
            handoff.Items.Count,
            latencies.Count,
            handoff.Items.Values.Count(i => i.Queried),
            handoff.Escalated,
            latencies.Count == 0 ? null : Math.Round(latencies[(latencies.Count - 1) / 2], 1),
            latencies.Count == 0 ? null : Math.Round(latencies[^1], 1),
            handoff.Completed,
            handoff.ByPerson);
    }

    private List<PendingBriefing> Pending(DateTimeOffset now) => handoffs.Values
        .Where(h => h.ByPerson && !h.Completed && h.Items.Values.Any(i => i.AcceptedAt is null))
        .OrderBy(h => h.BriefedAt)
        .Select(h => new PendingBriefing(
            h.HandoffId,
            h.FromDeskId,
            h.ToDeskId,
            h.BriefedAt,
            h.Items.Values.Select(i => new PendingItem(
                i.Item.IncidentId,
                i.Item.Type,
                i.Item.Severity,
                i.Item.Status,
                i.Item.Acknowledged,
                i.Item.RemainingWorkMinutes,
                i.Item.Notes,
                i.Item.NextAction,
                i.Item.ContextMissing,
                i.State,
                Math.Round(((i.AcceptedAt ?? now) - i.BriefedAt).TotalMinutes, 1),
                i.Item.JudgedSeverity,
                i.Item.Summary,
                i.Item.Actions,
                i.Item.WatchFor,
                i.Item.IfItHappens,
                i.ReadBack)).ToList()))
        .ToList();

    private List<ZoneClock> Clocks(DateTimeOffset now)
    {
        var zones = new List<(string Label, TimeZoneInfo Zone)>();
        foreach (var desk in roster.Desks)
        {
            if (zones.All(z => z.Zone.Id != desk.TimeZone.Id))
            {
                zones.Add((ZoneLabel(desk.TimeZone), desk.TimeZone));
            }
        }

        zones.Add(("UTC", TimeZoneInfo.Utc));
        return zones.Select(z =>
        {
            var local = TimeZoneInfo.ConvertTime(now, z.Zone);
            var offset = local.Offset;
            var sign = offset < TimeSpan.Zero ? "-" : "+";
            return new ZoneClock(
                z.Label,
                z.Zone.Id,
                local.ToString("HH:mm", CultureInfo.InvariantCulture),
                local.ToString("ddd d MMM", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{offset.Duration():hh\\:mm}"));
        }).ToList();
    }

    /// <summary>"New York" for America/New_York.</summary>
    private static string ZoneLabel(TimeZoneInfo zone) =>
        zone.Id.Contains('/', StringComparison.Ordinal) ? zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ') : zone.Id;

    private NextHandoff? NextHandoffAfter(DateTimeOffset now)
    {
        var end = roster.BoundariesBetween(now, now.AddDays(2)).FirstOrDefault(b => !b.IsStart);
        if (end is null)
        {
            return null;
        }

        var plan = roster.PlanHandoff(end.Shift);
        return new NextHandoff(plan.Outgoing.DeskId, plan.Incoming.DeskId, end.At, Math.Round((end.At - now).TotalMinutes, 1));
    }

    /// <summary>The 24 hours from the start of the current UTC hour.</summary>
    private CoverageStrip Coverage(DateTimeOffset now)
    {
        var from = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        var to = from.AddDays(1);
        var shifts = roster.ShiftsBetween(from, to);
        var desks = roster.Desks.Select(d => new DeskCoverage(
            d.DeskId,
            d.DisplayName,
            shifts.Where(s => string.Equals(s.DeskId, d.DeskId, StringComparison.OrdinalIgnoreCase))
                .Select(s => new TimeSpanOnStrip(Later(s.StartsAt, from), Earlier(s.EndsAt, to)))
                .ToList())).ToList();
        var gaps = roster.Coverage(from, to).Gaps.Select(g => new TimeSpanOnStrip(g.From, g.To)).ToList();
        return new CoverageStrip(from, to, desks, gaps);
    }

    private string Desk(string deskId) =>
        roster.Desks.FirstOrDefault(d => string.Equals(d.DeskId, deskId, StringComparison.OrdinalIgnoreCase)) is { } desk
            ? $"{desk.DeskId.ToUpperInvariant()} desk"
            : deskId;

    private bool IsHuman(string deskId) => deskStates.TryGetValue(deskId, out var state) && state.Human;

    private void Log(DateTimeOffset at, DateTimeOffset wall, TimelineKind kind, string text)
    {
        timeline.AddFirst(new TimelineEntry(at, wall, kind, text));
        while (timeline.Count > timelineLength)
        {
            timeline.RemoveLast();
        }
    }

    private void Count() => Interlocked.Increment(ref messages);

    /// <summary>Keeps an instant for the last hour's figures, which count at most as many as the
    /// board holds incidents (they are pruned by the hour only when the board is read).</summary>
    private void Enqueue(Queue<DateTimeOffset> times, DateTimeOffset at)
    {
        times.Enqueue(at);
        if (times.Count > incidentsKept)
        {
            times.Dequeue();
        }
    }

    private static void Prune(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.TryPeek(out var oldest) && oldest <= now - Hour)
        {
            times.Dequeue();
        }
    }

    /// <summary>Takes a handoff onto the board; the oldest ones nobody has to decide on leave it.</summary>
    private HandoffView Add(HandoffView handoff)
    {
        if (shiftEnds.Remove(handoff.HandoffId, out var shiftEndsAt))
        {
            handoff.ShiftEndsAt = shiftEndsAt;
        }

        handoffs[handoff.HandoffId] = handoff;
        handoffsSeen++;
        if (handoffs.Count > HandoffsKept)
        {
            foreach (var old in handoffs.Values.Where(h => !h.ByPerson || h.Items.Values.All(i => i.AcceptedAt is not null)).OrderBy(h => h.BriefedAt).Take(handoffs.Count - HandoffsKept).ToList())
            {
                Forget(old);
            }
        }

        return handoff;
    }

    /// <summary>Takes an item of <paramref name="handoff"/> onto the board. When the board holds
    /// all the items it may, the oldest other handoffs leave it first; an item that still finds no
    /// room (one briefing larger than the board) is counted and not kept.</summary>
    private void Hold(HandoffView handoff, ItemView item)
    {
        while (itemsHeld >= itemsKept && handoffs.Values.Where(h => h != handoff).MinBy(h => h.BriefedAt) is { } oldest)
        {
            Forget(oldest);
        }

        if (itemsHeld >= itemsKept)
        {
            itemsDropped++;
            return;
        }

        handoff.Items[item.Item.IncidentId] = item;
        itemsHeld++;
    }

    private void Forget(HandoffView handoff)
    {
        handoffs.Remove(handoff.HandoffId);
        itemsHeld -= handoff.Items.Count;
    }
}
