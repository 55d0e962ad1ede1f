using System.Diagnostics;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.HandoffScoring;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Options;
using DomainRoster = Malaysia.Ops.Domain.Rosters.Roster;

namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Dispatch's state (incident ledger and handoff book) behind one lock, and the decisions made
/// from it. Consumers and the shift clock call in with what happened and get back the messages
/// to publish; nothing here touches the bus, so the bookkeeping is the domain's and testable.
/// </summary>
public sealed partial class DispatchCoordinator(DomainRoster roster, SimulationClock clock, IOptions<DispatchOptions> options, IOptions<SimulationOptions> simulation, OpsMetrics metrics)
{
    private readonly Lock gate = new();
    private readonly IncidentLedger ledger = new();
    private readonly HandoffBook book = new();
    private readonly AssistBook assists = new();
    private readonly WorkloadBook workloads = new();

    // The work each open incident was raised with, to give it out again when the desk that
    // owns it restarted with nothing in hand.
    private readonly Dictionary<string, double> workMinutes = new(StringComparer.Ordinal);

    // The process each desk last started in: a start from another one is a restart.
    private readonly Dictionary<string, Guid> deskInstances = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan handoffWindow = TimeSpan.FromMinutes(options.Value.HandoffWindowMinutes);
    private readonly ServiceLevels levels = options.Value.Targets();
    private readonly AcknowledgementWatch? acknowledgements = options.Value.EscalateAtFractionOfAckTarget > 0
        ? new AcknowledgementWatch(options.Value.EscalateAtFractionOfAckTarget, options.Value.Targets())
        : null;

    /// <summary>The shift clock's alarm, rung when a briefing moved the next handoff deadline so
    /// the shift clock does not sleep past it.</summary>
    public Alarm ShiftClockAlarm { get; } = clock.CreateAlarm("dispatch shift clock");

    public DomainRoster Roster => roster;

    /// <summary>Whether dispatch consumes <paramref name="message"/>: what <see cref="Apply"/> takes.</summary>
    public static bool Consumes(IOpsMessage message) => message is IncidentRaised or IncidentAcknowledged or IncidentUpdated or IncidentResolved
        or HandoffBriefing or HandoffItemAccepted or HandoffItemQueried or HandoffSurpriseFound or HandoffCompleted
        or AssistRequested or Contracts.AssistProvided or WorkloadSubmitted or WorkloadCompleted or WorkloadFailed or DeskStateReported;

    /// <summary>Applies one message dispatch consumes and returns what to publish because of it.
    /// The one way in for the consumers and for the ledger store's replay, so a restarted
    /// dispatch rebuilds exactly the state the same messages built before.</summary>
    public IReadOnlyList<IOpsMessage> Apply(IOpsMessage message) => Consumes(message)
        ? Applied(message)
        : throw new ArgumentException($"dispatch does not consume {message.GetType().Name}", nameof(message));

    private IReadOnlyList<IOpsMessage> Applied(IOpsMessage message) => message switch
    {
        IncidentRaised raised => Raise(raised) is { } assigned ? [assigned] : [],
        IncidentAcknowledged acknowledged => Nothing(() => Acknowledged(acknowledged)),
        IncidentUpdated updated => Nothing(() => Updated(updated)),
        IncidentResolved resolved => Nothing(() => Resolved(resolved)),
        HandoffBriefing briefing => Briefed(briefing),
        HandoffItemAccepted accepted => Nothing(() => ItemAccepted(accepted)),
        HandoffItemQueried queried => Nothing(() => ItemQueried(queried)),
        HandoffSurpriseFound surprise => Nothing(() => SurpriseFound(surprise)),
        HandoffCompleted completed => Nothing(() => Completed(completed)),
        AssistRequested request => RouteAssist(request) is { } routed ? [routed] : [],
        AssistProvided provided => Nothing(() => AssistProvided(provided)),
        WorkloadSubmitted submitted => Nothing(() => Workload(submitted)).Concat(CapacityRequest(submitted) is { } routed ? [routed] : []).ToList(),
        WorkloadCompleted or WorkloadFailed => Nothing(() => Workload(message)),
        DeskStateReported { Started: true } report => DeskStarted(report.DeskId, report.Instance, report.SimulatedAt),
        DeskStateReported => [],
        _ => throw new UnreachableException($"{nameof(Consumes)} and {nameof(Applied)} disagree on {message.GetType().Name}"),
    };

    private static IReadOnlyList<IOpsMessage> Nothing(Action apply)
    {
        apply();
        return [];
    }

    /// <summary>Moves the shift clock on from <paramref name="from"/> to <paramref name="to"/>:
    /// announces the shift starts between them, opens a handoff at each shift end, escalates
    /// incidents at risk of missing their acknowledgement target and closes overdue handoffs,
    /// giving the work of <paramref name="downDesks"/> to desks that are up. Pure in what it is
    /// given, so a restarted dispatch replays it.</summary>
    public IReadOnlyList<IOpsMessage> Advance(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string>? downDesks = null)
    {
        var messages = new List<IOpsMessage>();
        foreach (var change in roster.BoundariesBetween(from, to))
        {
            messages.Add(change.IsStart
                ? new ShiftStarted(change.Shift.ShiftId, change.Shift.DeskId, change.Shift.StartsAt, change.Shift.EndsAt, change.At)
                : OpenHandoff(roster.PlanHandoff(change.Shift)));
        }

        messages.AddRange(EscalateBeforeBreach(to));
        messages.AddRange(EscalateOverdue(to, downDesks ?? []));
        return messages;
    }

    /// <summary>Records a raised incident and routes it to the desk on duty (or, in a coverage
    /// gap, the next desk on). A repeated raise is recorded once and routed once.</summary>
    public IncidentAssigned? Raise(IncidentRaised raised)
    {
        var decision = roster.Route(raised.SimulatedAt);
        lock (gate)
        {
            if (!ledger.Raise(raised.IncidentId, raised.Type, raised.Severity, raised.SimulatedAt))
            {
                return null;
            }

            ledger.Assign(raised.IncidentId, decision.DeskId, decision.InCoverageGap);
            workMinutes[raised.IncidentId] = raised.WorkMinutes;
            if (acknowledgements is not null)
            {
                var before = acknowledgements.NextCheck(ledger);
                acknowledgements.Watch(ledger.Find(raised.IncidentId)!);
                if (acknowledgements.NextCheck(ledger) != before)
                {
                    // The shift clock must not sleep past this incident's check.
                    ShiftClockAlarm.Ring();
                }
            }
        }

        metrics.IncidentsRaised.Add(1, new("type", raised.Type.ToString()), new("severity", raised.Severity.ToString()));

        return Assignment(raised.IncidentId, decision, raised.Type, raised.Severity, raised.WorkMinutes, raised.SimulatedAt);
    }

    /// <summary>An incident given to the desk <paramref name="decision"/> routed it to, stamped
    /// with the wall instant it was decided (a restarted desk takes none decided before it started).</summary>
    private IncidentAssigned Assignment(string incidentId, RoutingDecision decision, IncidentType type, Severity severity, double workMinutes, DateTimeOffset at) =>
        new(incidentId, decision.DeskId, decision.Shift.ShiftId, decision.Shift.StartsAt, decision.InCoverageGap, type, severity, workMinutes, at, SentAtWall: clock.Wall.GetUtcNow());

    public void Acknowledged(IncidentAcknowledged message)
    {
        lock (gate)
        {
            var before = ledger.Find(message.IncidentId);
            if (ledger.Acknowledge(message.IncidentId, message.SimulatedAt, message.DeskId) && before is { AcknowledgedAt: null }
                && levels.AcknowledgementBreached(before.Severity, before.RaisedAt, message.SimulatedAt))
            {
                metrics.SlaBreaches.Add(1, new("severity", before.Severity.ToString()), new("stage", "acknowledge"));
            }
        }
    }

    /// <summary>Books the start of work a desk reported; other news changes nothing here.</summary>
    public void Updated(IncidentUpdated message)
    {
        if (!message.WorkStarted)
        {
            return;
        }

        lock (gate)
        {
            ledger.StartWork(message.IncidentId, message.DeskId, message.SimulatedAt);
        }
    }

    public void Resolved(IncidentResolved message)
    {
        lock (gate)
        {
            if (ledger.Resolve(message.IncidentId, message.DeskId, message.SimulatedAt))
            {
                workMinutes.Remove(message.IncidentId);
                var incident = ledger.Find(message.IncidentId)!;
                metrics.IncidentsResolved.Add(1, new("desk", message.DeskId), new("severity", incident.Severity.ToString()));
                if (levels.ResolutionBreached(incident.Severity, incident.RaisedAt, message.SimulatedAt))
                {
                    metrics.SlaBreaches.Add(1, new("severity", incident.Severity.ToString()), new("stage", "resolve"));
                }
            }
        }
    }

    /// <summary>A desk started with nothing in hand. The first start heard of a desk only
    /// records its process; a start from another process is a restart, and every open incident
    /// the desk owns is given out again, with the work it was raised with (what was done before
    /// the restart is lost with the desk's memory), to the desk on duty now, or the next one on.
    /// A desk that still holds one ignores it.</summary>
    public IReadOnlyList<IncidentAssigned> DeskStarted(string deskId, Guid instance, DateTimeOffset at)
    {
        var decision = roster.Route(at);
        lock (gate)
        {
            var known = deskInstances.TryGetValue(deskId, out var before);
            deskInstances[deskId] = instance;
            if (!known || before == instance)
            {
                return [];
            }

            var owned = ledger.All
                .Where(i => i.Status == IncidentStatus.Open && string.Equals(i.OwnerDeskId, deskId, StringComparison.OrdinalIgnoreCase))
                .ToList();
            foreach (var incident in owned.Where(i => !string.Equals(i.OwnerDeskId, decision.DeskId, StringComparison.OrdinalIgnoreCase)))
            {
                ledger.ChangeOwner(incident.IncidentId, decision.DeskId);
            }

            return owned
                .Select(i => Assignment(i.IncidentId, decision, i.Type, i.Severity, workMinutes.GetValueOrDefault(i.IncidentId), at))
                .ToList();
        }
    }

    /// <summary>A shift ends: opens the handoff and tells the outgoing desk to brief.</summary>
    public ShiftEnding OpenHandoff(HandoffPlan plan)
    {
        lock (gate)
        {
            book.Open(plan.HandoffId, plan.Outgoing.DeskId, plan.Incoming.DeskId, plan.ShiftEndsAt, plan.AcceptFrom, handoffWindow);
        }

        return new ShiftEnding(
            plan.HandoffId,
            plan.Outgoing.ShiftId,
            plan.Outgoing.DeskId,
            plan.Incoming.DeskId,
            plan.Incoming.ShiftId,
            plan.Incoming.StartsAt,
            plan.ShiftEndsAt);
    }

    /// <summary>Books a briefing; returns the escalations of items that arrived after the
    /// handoff's window had closed, for the consumer to announce.</summary>
    public IReadOnlyList<HandoffEscalated> Briefed(HandoffBriefing briefing)
    {
        lock (gate)
        {
            var before = book.NextDeadline();
            var ids = briefing.Items.Select(i => i.IncidentId).ToList();
            book.Briefed(briefing.HandoffId, ids, briefing.SentAtWall, briefing.SimulatedAt, briefing.Items.Where(i => i.ContextMissing).Select(i => i.IncidentId), briefing.Items.Select(i => (i.IncidentId, BriefingFields.BlankOf(i))));
            if (book.NextDeadline() != before)
            {
                ShiftClockAlarm.Ring();
            }

            return Escalated(book.EscalateLateArrivals(briefing.HandoffId, ids, briefing.SimulatedAt));
        }
    }

    public void ItemQueried(HandoffItemQueried query)
    {
        lock (gate)
        {
            book.Queried(query.HandoffId, query.IncidentId);
        }
    }

    public void SurpriseFound(HandoffSurpriseFound surprise)
    {
        lock (gate)
        {
            book.Surprised(surprise.HandoffId, surprise.IncidentId);
        }
    }

    public void ItemAccepted(HandoffItemAccepted accepted)
    {
        lock (gate)
        {
            var outcome = book.ItemAccepted(accepted.HandoffId, accepted.IncidentId, accepted.SimulatedAt, accepted.BriefingSentAtWall, accepted.AcceptedAtWall);
            if (outcome == HandoffAcceptance.EscalationWithdrawn)
            {
                ledger.WithdrawEscalation(accepted.IncidentId);
            }

            if (outcome != HandoffAcceptance.Ignored && book.Find(accepted.HandoffId) is { } handoff
                && handoff.Items.FirstOrDefault(i => i.IncidentId == accepted.IncidentId) is { } item)
            {
                var direction = new KeyValuePair<string, object?>("direction", handoff.Direction);
                metrics.HandoffItemLatencySimulated.Record(item.LatencySimulatedMinutes!.Value, direction);
                metrics.HandoffItemLatencyWall.Record(item.LatencyWallMilliseconds!.Value, direction);
            }

            if (outcome == HandoffAcceptance.Ignored)
            {
                ledger.ChangeOwner(accepted.IncidentId, accepted.DeskId);
            }
            else
            {
                ledger.HandOver(accepted.IncidentId, accepted.DeskId);
            }
        }
    }

    public void Completed(HandoffCompleted completed)
    {
        lock (gate)
        {
            book.Completed(completed.HandoffId, completed.SimulatedAt, completed.BriefingSentAtWall, completed.CompletedAtWall);
        }
    }

    public DateTimeOffset? NextHandoffDeadline()
    {
        lock (gate)
        {
            return book.NextDeadline();
        }
    }

    /// <summary>Closes overdue handoffs; returns one message per item (or briefing) escalated,
    /// and, for work left with a desk that is down, what gives it to a desk that is up.</summary>
    public IReadOnlyList<IOpsMessage> EscalateOverdue(DateTimeOffset now, IReadOnlyCollection<string> downDesks)
    {
        lock (gate)
        {
            var escalations = book.EscalateOverdue(now);
            if (escalations.Count == 0)
            {
                return [];
            }

            return [.. Escalated(escalations), .. TakeWorkFromDownDesks(escalations, downDesks, now)];
        }
    }

    /// <summary>A handoff closed and the desk that should have the work is down (silent past
    /// dispatch's limit): the outgoing desk sent no briefing, so everything it holds is stranded;
    /// or the incoming desk never took items over, so they are. Each such open incident goes to
    /// the desk on duty that is up (or the next one on), with the work it was raised with, and
    /// the down desk is told to drop it should it come back. With every desk down it waits.
    /// Call under the lock.</summary>
    private List<IOpsMessage> TakeWorkFromDownDesks(IReadOnlyList<HandoffEscalation> escalations, IReadOnlyCollection<string> downDesks, DateTimeOffset now)
    {
        var down = downDesks.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stranded = new List<(string IncidentId, string Holder, string Reason)>();
        foreach (var escalation in escalations)
        {
            if (escalation.IncidentId is null && down.Contains(escalation.FromDeskId))
            {
                stranded.AddRange(HeldBy(escalation.FromDeskId).Select(id => (id, escalation.FromDeskId, $"no briefing from {escalation.FromDeskId}, which is down")));
            }
            else if (escalation.IncidentId is { } id && down.Contains(escalation.ToDeskId))
            {
                stranded.Add((id, escalation.ToDeskId, $"{escalation.ToDeskId} is down and did not take it over"));
            }
        }

        if (stranded.Count == 0 || roster.RouteAvoiding(now, down) is not { } target)
        {
            return [];
        }

        var messages = new List<IOpsMessage>();
        foreach (var (incidentId, holder, reason) in stranded.DistinctBy(s => s.IncidentId))
        {
            if (ledger.Find(incidentId) is not { Status: IncidentStatus.Open } incident)
            {
                continue;
            }

            ledger.ChangeOwner(incidentId, target.DeskId);
            ledger.Escalate(incidentId);
            metrics.WorkTakenFromDownDesks.Add(1, new KeyValuePair<string, object?>("desk", holder));
            messages.Add(new IncidentEscalated(incidentId, holder, target.DeskId, false, target.Shift.ShiftId, target.Shift.StartsAt, $"{reason}: given to {target.DeskId}", now, TakenWhileDown: true));
            messages.Add(Assignment(incidentId, target, incident.Type, incident.Severity, workMinutes.GetValueOrDefault(incidentId), now));
        }

        return messages;
    }

    /// <summary>The open incidents a desk holds: those it owns that no open handoff is passing
    /// on, and those left with it by handoffs it never took over.</summary>
    private IEnumerable<string> HeldBy(string deskId) =>
        ledger.All
            .Where(i => i.Status == IncidentStatus.Open && string.Equals(i.OwnerDeskId, deskId, StringComparison.OrdinalIgnoreCase) && !book.AwaitsTakeOver(i.IncidentId))
            .Select(i => i.IncidentId)
            .Concat(book.LeftWith(deskId));

    /// <summary>Counts escalations and turns them into messages; call under the lock.</summary>
    private List<HandoffEscalated> Escalated(IReadOnlyList<HandoffEscalation> escalations)
    {
        foreach (var escalation in escalations)
        {
            metrics.HandoffEscalations.Add(1, new KeyValuePair<string, object?>("direction", $"{escalation.FromDeskId}->{escalation.ToDeskId}"));
            if (escalation.IncidentId is not null)
            {
                ledger.Escalate(escalation.IncidentId);
            }
        }

        return escalations
            .Select(e => new HandoffEscalated(e.HandoffId, e.IncidentId ?? string.Empty, e.FromDeskId, e.ToDeskId, e.Reason, e.At))
            .ToList();
    }

    /// <summary>Routes a desk's request for help to the desk that can give it, saying whether it
    /// is on shift (else its on-call answers); with no such desk in the roster, the requester
    /// waits for help from outside the operation (the data centre's remote hands, the customer).</summary>
    /// <returns>Null for a request heard before (a redelivery), which is routed once.</returns>
    public AssistRouted? RouteAssist(AssistRequested request)
    {
        var at = request.SimulatedAt;
        var provider = roster.Desks.FirstOrDefault(d => string.Equals(d.DeskId, request.NeededDeskId, StringComparison.OrdinalIgnoreCase))?.DeskId;
        var onDuty = provider is not null && roster.OnDuty(at).Any(s => string.Equals(s.DeskId, provider, StringComparison.OrdinalIgnoreCase));
        lock (gate)
        {
            if (!assists.Requested(request.IncidentId, request.RequesterDeskId, provider ?? request.RequesterDeskId, request.Kind, provider is null, at))
            {
                return null;
            }
        }

        return new AssistRouted(request.IncidentId, request.RequesterDeskId, provider ?? request.RequesterDeskId, request.Kind, onDuty, provider is null, at, at);
    }

    /// <summary>A workload large enough to need room approved on its cluster becomes a request to
    /// the desk that runs the cluster (its on-call off shift); null for a small one or a repeat.</summary>
    public AssistRouted? CapacityRequest(WorkloadSubmitted submitted)
    {
        if (submitted.GpuCount < IncidentCatalogue.GpusNeedingCapacityApproval)
        {
            return null;
        }

        var need = IncidentCatalogue.ClusterCapacity;
        return RouteAssist(new AssistRequested(submitted.WorkloadId, WorkloadRequester, need.DeskId, need.Kind, submitted.SimulatedAt));
    }

    /// <summary>The requester named on capacity requests: the customers, through the workload service.</summary>
    public const string WorkloadRequester = "workload";

    public void AssistProvided(AssistProvided provided)
    {
        lock (gate)
        {
            assists.Provided(provided.IncidentId, provided.RequesterDeskId, provided.RequestedAt, provided.SimulatedAt);
        }
    }

    /// <summary>Counts a customer's workload submitted, completed or failed.</summary>
    public void Workload(IOpsMessage message)
    {
        lock (gate)
        {
            _ = message switch
            {
                WorkloadSubmitted submitted => workloads.Submit(submitted.WorkloadId),
                WorkloadCompleted completed => workloads.Complete(completed.WorkloadId),
                WorkloadFailed failed => workloads.Fail(failed.WorkloadId),
                _ => false,
            };
        }
    }

    /// <summary>When the next incident may need escalating before its acknowledgement target.</summary>
    public DateTimeOffset? NextEscalationCheck()
    {
        lock (gate)
        {
            return acknowledgements?.NextCheck(ledger);
        }
    }

    /// <summary>Escalates every incident at risk of missing its acknowledgement target by
    /// <paramref name="now"/>: to the desk on duty that came on most recently, other than the one
    /// holding it, or, with no other desk on duty, to the holding desk's on-call pager.</summary>
    public IReadOnlyList<IncidentEscalated> EscalateBeforeBreach(DateTimeOffset now)
    {
        lock (gate)
        {
            if (acknowledgements is null)
            {
                return [];
            }

            var escalations = new List<IncidentEscalated>();
            foreach (var incident in acknowledgements.AtRisk(now, ledger))
            {
                if (book.AwaitsTakeOver(incident.IncidentId))
                {
                    // Under review by the incoming desk: the handoff window escalates it if need be.
                    continue;
                }

                var holder = incident.OwnerDeskId ?? incident.AssignedDeskId ?? string.Empty;
                var target = roster.OnDuty(now).LastOrDefault(s => !string.Equals(s.DeskId, holder, StringComparison.OrdinalIgnoreCase));
                var reason = $"not acknowledged {(now - incident.RaisedAt).TotalMinutes:0} min after it was raised ({incident.Severity} target {levels.For(incident.Severity).AcknowledgeWithin.TotalMinutes:0} min)";
                ledger.EscalateBeforeBreach(incident.IncidentId, target?.DeskId ?? holder, paged: target is null, now);
                escalations.Add(target is null
                    ? new IncidentEscalated(incident.IncidentId, holder, holder, true, null, null, $"{reason}; nobody else on duty: paging {holder} on-call", now)
                    : new IncidentEscalated(incident.IncidentId, holder, target.DeskId, false, target.ShiftId, target.StartsAt, $"{reason}; escalated to {target.DeskId}", now));
            }

            return escalations;
        }
    }

    public LedgerSnapshot Snapshot(DateTimeOffset simulatedNow, DateTimeOffset wallNow)
    {
        lock (gate)
        {
            return LedgerSnapshot.Of(simulation.Value.RunId, simulatedNow, wallNow, ledger, book, assists, workloads, levels);
        }
    }

    /// <summary>The handoffs as the book holds them now, without the rest of the snapshot: what
    /// a live board scores each handoff from.</summary>
    public IReadOnlyList<HandoffRecord> Handoffs()
    {
        lock (gate)
        {
            return book.All.ToList();
        }
    }

    /// <summary>The run's progress in a few counts, without the snapshot's figures: cheap
    /// enough to ask for every simulated quarter day of a year.</summary>
    public RunProgress Progress()
    {
        lock (gate)
        {
            return new RunProgress(ledger.Count, ledger.ResolvedCount, ledger.Count - ledger.ResolvedCount, book.Count);
        }
    }

    public int IncidentCount
    {
        get
        {
            lock (gate)
            {
                return ledger.Count;
            }
        }
    }
}
