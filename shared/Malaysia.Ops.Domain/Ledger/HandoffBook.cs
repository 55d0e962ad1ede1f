namespace Malaysia.Ops.Domain.Ledger;

/// <summary>An item that nobody took over in time.</summary>
public sealed record HandoffEscalation(string HandoffId, string FromDeskId, string ToDeskId, string? IncidentId, string Reason, DateTimeOffset At);

/// <summary>
/// Dispatch's record of every handoff: opened when the shift ends, filled in by the briefing and
/// the incoming desk's acceptances, closed as completed or escalated. Latency is measured per
/// item and per handoff in simulated minutes (shift end to accepted) and in wall milliseconds
/// (briefing sent to accepted).
/// </summary>
public sealed class HandoffBook
{
    private readonly Dictionary<string, HandoffRecord> handoffs = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    // The handoffs still open (awaiting a briefing, or briefed), by their place in the order they
    // were opened: only they have a deadline to watch, and there are few of them at any time.
    private readonly Dictionary<string, int> places = new(StringComparer.Ordinal);
    private readonly SortedSet<int> open = [];
    private readonly Dictionary<string, TimeSpan> windows = new(StringComparer.Ordinal);

    // (handoff, incident) pairs already counted, so a redelivered message counts once.
    private readonly HashSet<(string HandoffId, string IncidentId)> omitted = [];
    private readonly HashSet<(string HandoffId, string IncidentId)> queried = [];
    private readonly HashSet<(string HandoffId, string IncidentId)> surprised = [];
    private readonly HashSet<(string HandoffId, string IncidentId)> fieldsCounted = [];

    public IEnumerable<HandoffRecord> All => order.Select(id => handoffs[id]);

    public int Count => order.Count;

    public HandoffRecord? Find(string handoffId) => handoffs.GetValueOrDefault(handoffId);

    /// <summary>The shift ended. The window closes <paramref name="window"/> after the incoming
    /// desk could first accept.</summary>
    public bool Open(string handoffId, string fromDeskId, string toDeskId, DateTimeOffset shiftEndsAt, DateTimeOffset acceptFrom, TimeSpan window)
    {
        if (handoffs.ContainsKey(handoffId))
        {
            return false;
        }

        places[handoffId] = order.Count;
        order.Add(handoffId);
        Store(handoffId, new HandoffRecord(handoffId, fromDeskId, toDeskId, shiftEndsAt, acceptFrom, acceptFrom + window, HandoffStatus.AwaitingBriefing, null, [], null, null, null));
        windows[handoffId] = window;
        return true;
    }

    /// <summary>A briefing (or a supplement to one) arrived with these items. A supplement
    /// sent at <paramref name="briefedAt"/> gets a full window of its own from then. Items in
    /// <paramref name="contextMissing"/> were briefed with their context left out;
    /// <paramref name="blankFields"/> says how many of each item's notes and next action were
    /// left blank.</summary>
    public bool Briefed(string handoffId, IEnumerable<string> incidentIds, DateTimeOffset sentAtWall, DateTimeOffset? briefedAt = null, IEnumerable<string>? contextMissing = null, IEnumerable<(string IncidentId, int Blank)>? blankFields = null)
    {
        if (!handoffs.TryGetValue(handoffId, out var record))
        {
            return false;
        }

        record = record with
        {
            Omissions = record.Omissions + (contextMissing ?? []).Count(id => omitted.Add((handoffId, id))),
            BlankFields = record.BlankFields + (blankFields ?? []).Where(f => fieldsCounted.Add((handoffId, f.IncidentId))).Sum(f => f.Blank),
        };

        var known = record.Items.Select(i => i.IncidentId).ToHashSet(StringComparer.Ordinal);
        var added = incidentIds.Where(known.Add).Select(id => new HandoffItemRecord(id, null, null, null, false)).ToList();
        Store(handoffId, record with
        {
            // A supplement re-opens a completed handoff until its new items are taken over too.
            Status = record.Status == HandoffStatus.AwaitingBriefing || (record.Status == HandoffStatus.Completed && added.Count > 0) ? HandoffStatus.Briefed : record.Status,
            BriefingSentAtWall = record.BriefingSentAtWall ?? sentAtWall,
            Items = [.. record.Items, .. added],
            Deadline = record.BriefingSentAtWall is not null && added.Count > 0 && briefedAt is { } at && at + windows[handoffId] > record.Deadline
                ? at + windows[handoffId]
                : record.Deadline,
        });
        return true;
    }

    /// <summary>An item was taken over. What counts is when it happened (simulated time), not
    /// when dispatch heard of it: an acceptance at or before the deadline that arrives after the
    /// window was closed withdraws that item's escalation; a later one is recorded but the item
    /// stays escalated.</summary>
    public HandoffAcceptance ItemAccepted(string handoffId, string incidentId, DateTimeOffset acceptedAt, DateTimeOffset briefingSentAtWall, DateTimeOffset acceptedAtWall)
    {
        if (!handoffs.TryGetValue(handoffId, out var record))
        {
            return HandoffAcceptance.Ignored;
        }

        var index = IndexOf(record, incidentId);
        if (index >= 0 && record.Items[index].AcceptedAt is not null)
        {
            return HandoffAcceptance.Ignored;
        }

        var onTime = acceptedAt <= record.Deadline;
        var wasEscalated = index >= 0 && record.Items[index].Escalated;

        // Consumers run concurrently, so an acceptance can be booked before the briefing that
        // carried the item; the item is then recorded from the acceptance.
        var accepted = new HandoffItemRecord(
            incidentId,
            acceptedAt,
            (acceptedAt - record.ShiftEndsAt).TotalMinutes,
            (acceptedAtWall - briefingSentAtWall).TotalMilliseconds,
            Escalated: wasEscalated && !onTime);
        var items = record.Items.ToList();
        if (index >= 0)
        {
            items[index] = accepted;
        }
        else
        {
            items.Add(accepted);
        }

        record = record with { Items = items };

        // The last item taken over completes the handoff (or lifts its escalation), whichever
        // intake of the incoming desk it came with.
        var allTakenOver = record.BriefingSentAtWall is not null && items.All(i => i.AcceptedAt is not null && !i.Escalated);
        Store(handoffId, allTakenOver && record.Status is HandoffStatus.Escalated or HandoffStatus.Briefed
            ? CompletedByItems(record)
            : record);
        return !wasEscalated ? HandoffAcceptance.Accepted
            : onTime ? HandoffAcceptance.EscalationWithdrawn
            : HandoffAcceptance.AcceptedLate;
    }

    /// <summary>Items briefed into a handoff whose window had already closed (the outgoing desk
    /// was dark at its shift end, say) are escalated at once: nobody could take them over in
    /// time. Returns the escalations, one per such item.</summary>
    public IReadOnlyList<HandoffEscalation> EscalateLateArrivals(string handoffId, IEnumerable<string> incidentIds, DateTimeOffset at)
    {
        if (!handoffs.TryGetValue(handoffId, out var record) || record.Status != HandoffStatus.Escalated)
        {
            return [];
        }

        var late = incidentIds.ToHashSet(StringComparer.Ordinal);
        var escalations = new List<HandoffEscalation>();
        var items = record.Items.Select(item =>
        {
            if (!late.Contains(item.IncidentId) || item.Escalated || item.AcceptedAt is not null)
            {
                return item;
            }

            escalations.Add(new HandoffEscalation(handoffId, record.FromDeskId, record.ToDeskId, item.IncidentId, $"briefed by {record.FromDeskId} after the handoff window closed", at));
            return item with { Escalated = true };
        }).ToList();
        Store(handoffId, record with { Items = items });
        return escalations;
    }

    /// <summary>Whether an incident is in a briefing the incoming desk has not taken it over from
    /// yet: it is between desks, and its handoff window, not its holder, decides what happens.</summary>
    public bool AwaitsTakeOver(string incidentId)
    {
        foreach (var place in open)
        {
            var handoff = handoffs[order[place]];
            if (handoff.Status == HandoffStatus.Briefed && IndexOf(handoff, incidentId) is >= 0 and var index && handoff.Items[index].AcceptedAt is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a briefing between <paramref name="deskId"/> and another desk carried the
    /// incident, in either direction.</summary>
    public bool Carried(string incidentId, string deskId) =>
        handoffs.Values.Any(h => (string.Equals(h.FromDeskId, deskId, StringComparison.OrdinalIgnoreCase) || string.Equals(h.ToDeskId, deskId, StringComparison.OrdinalIgnoreCase))
            && IndexOf(h, incidentId) >= 0);

    /// <summary>Items briefed to <paramref name="deskId"/> in handoffs whose window closed before
    /// it took them over: the outgoing desk let them go, so they are with this desk, though the
    /// ledger still names the outgoing desk as their owner.</summary>
    public IEnumerable<string> LeftWith(string deskId) =>
        order.Select(id => handoffs[id])
            .Where(h => h.Status == HandoffStatus.Escalated && string.Equals(h.ToDeskId, deskId, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Items.Where(i => i.AcceptedAt is null).Select(i => i.IncidentId));

    /// <summary>The incoming desk asked about an item whose context was missing.</summary>
    public bool Queried(string handoffId, string incidentId)
    {
        if (!handoffs.TryGetValue(handoffId, out var record) || !queried.Add((handoffId, incidentId)))
        {
            return false;
        }

        Store(handoffId, record with { Queries = record.Queries + 1 });
        return true;
    }

    /// <summary>The incoming desk found an item's missing context only when it started work.</summary>
    public bool Surprised(string handoffId, string incidentId)
    {
        if (!handoffs.TryGetValue(handoffId, out var record) || !surprised.Add((handoffId, incidentId)))
        {
            return false;
        }

        Store(handoffId, record with { Surprises = record.Surprises + 1 });
        return true;
    }

    /// <summary>The incoming desk finished taking the briefing over. A supplement completes
    /// again later; the handoff's latency is then that of its last item.</summary>
    public bool Completed(string handoffId, DateTimeOffset completedAt, DateTimeOffset briefingSentAtWall, DateTimeOffset completedAtWall)
    {
        // One intake of the incoming desk finishing does not complete a handoff whose other
        // items are still under review.
        if (!handoffs.TryGetValue(handoffId, out var record)
            || (record.Status == HandoffStatus.Escalated && (completedAt > record.Deadline || record.Items.Any(i => i.Escalated)))
            || record.Items.Any(i => i.AcceptedAt is null))
        {
            return false;
        }

        if (record.CompletedAt is { } earlier && earlier >= completedAt)
        {
            return false;
        }

        Store(handoffId, record with
        {
            Status = HandoffStatus.Completed,
            CompletedAt = completedAt,
            LatencySimulatedMinutes = (completedAt - record.ShiftEndsAt).TotalMinutes,
            LatencyWallMilliseconds = (completedAtWall - (record.BriefingSentAtWall ?? briefingSentAtWall)).TotalMilliseconds,
        });
        return true;
    }

    /// <summary>The earliest deadline of a handoff still open, for dispatch's timer.</summary>
    public DateTimeOffset? NextDeadline()
    {
        DateTimeOffset? next = null;
        foreach (var place in open)
        {
            var deadline = handoffs[order[place]].Deadline;
            next = next is null || deadline < next ? deadline : next;
        }

        return next;
    }

    /// <summary>Closes every handoff whose window has passed: each item not taken over is
    /// escalated, and a handoff with no briefing at all is escalated as a whole.</summary>
    public IReadOnlyList<HandoffEscalation> EscalateOverdue(DateTimeOffset now)
    {
        var escalations = new List<HandoffEscalation>();
        foreach (var place in open.ToList())
        {
            var id = order[place];
            var record = handoffs[id];
            if (!IsOpen(record) || record.Deadline > now)
            {
                continue;
            }

            // Every item taken over and only the completion still on its way: complete it from
            // the items rather than escalate work nobody left behind.
            if (record.Status == HandoffStatus.Briefed && record.Items.All(i => i.AcceptedAt is not null))
            {
                Store(id, CompletedByItems(record));
                continue;
            }

            if (record.Status == HandoffStatus.AwaitingBriefing)
            {
                escalations.Add(new HandoffEscalation(id, record.FromDeskId, record.ToDeskId, null, $"no briefing from {record.FromDeskId} within the handoff window", record.Deadline));
            }

            var items = record.Items
                .Select(item =>
                {
                    if (item.AcceptedAt is not null)
                    {
                        return item;
                    }

                    escalations.Add(new HandoffEscalation(id, record.FromDeskId, record.ToDeskId, item.IncidentId, $"{record.ToDeskId} did not accept it within the handoff window", record.Deadline));
                    return item with { Escalated = true };
                })
                .ToList();
            Store(id, record with { Status = HandoffStatus.Escalated, Items = items });
        }

        return escalations;
    }

    private static HandoffRecord CompletedByItems(HandoffRecord record)
    {
        var last = record.Items.Where(i => i.AcceptedAt is not null).MaxBy(i => i.AcceptedAt);
        var completedAt = last?.AcceptedAt ?? record.AcceptFrom;
        return record with
        {
            Status = HandoffStatus.Completed,
            CompletedAt = completedAt,
            LatencySimulatedMinutes = (completedAt - record.ShiftEndsAt).TotalMinutes,
            LatencyWallMilliseconds = last?.LatencyWallMilliseconds,
        };
    }

    /// <summary>Records a handoff's state, keeping the open ones' index in step.</summary>
    private void Store(string handoffId, HandoffRecord record)
    {
        handoffs[handoffId] = record;
        if (IsOpen(record))
        {
            open.Add(places[handoffId]);
        }
        else
        {
            open.Remove(places[handoffId]);
        }
    }

    private static bool IsOpen(HandoffRecord record) =>
        record.Status is HandoffStatus.AwaitingBriefing or HandoffStatus.Briefed;

    private static int IndexOf(HandoffRecord record, string incidentId)
    {
        for (var i = 0; i < record.Items.Count; i++)
        {
            if (record.Items[i].IncidentId == incidentId)
            {
                return i;
            }
        }

        return -1;
    }
}
