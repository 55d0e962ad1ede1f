using System.Collections.Concurrent;

namespace Malaysia.Ops.Domain.Rosters;

/// <summary>
/// All desks of the operation and their shifts. Answers who is on duty at any instant, when the
/// next shift change is, who takes over from whom, and where a period has gaps or overlaps.
/// Everything is computed from the IANA zone rules, so daylight saving is real: with both desks
/// on 08:00-20:00 local, July tiles the day, while January opens a gap and an overlap.
/// </summary>
public sealed class Roster
{
    // How far ahead to look for the next shift start; a roster with no shift in a fortnight
    // is not a roster.
    private static readonly TimeSpan LookAhead = TimeSpan.FromDays(14);

    // Each shift a desk works on a date, resolved once: the zone's rules and the shift's id
    // cost far more than a look-up, and a run asks for the same shifts at every event.
    private readonly ConcurrentDictionary<(int Desk, DateOnly Date, int Pattern), ShiftInstance> instances = new();

    // Who is on duty changes only at a shift boundary, and the next boundary only when it is
    // passed: the last answer of each is kept with the span of time it holds for, so a run that
    // asks at every event mostly gets it back. Swapped whole, so readers on other threads never
    // see half of one.
    private OnDutySpan? lastOnDuty;
    private NextBoundarySpan? lastNextBoundary;

    private Roster(IReadOnlyList<DeskRoster> desks) => Desks = desks;

    public IReadOnlyList<DeskRoster> Desks { get; }

    /// <summary>Validates and builds a roster. Settings are named "Roster:Desks:{i}:..." in errors.</summary>
    public static Roster Create(IReadOnlyList<DeskRoster> desks)
    {
        if (desks.Count == 0)
        {
            throw new RosterDefinitionException("Roster:Desks", "no desk is defined; at least one desk with one shift is needed");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < desks.Count; i++)
        {
            var desk = desks[i];
            var prefix = $"Roster:Desks:{i}";
            if (string.IsNullOrWhiteSpace(desk.DeskId) || !desk.DeskId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new RosterDefinitionException($"{prefix}:Id", $"'{desk.DeskId}' is not a desk id (letters, digits and '-' only)");
            }

            if (!seen.Add(desk.DeskId))
            {
                throw new RosterDefinitionException($"{prefix}:Id", $"desk '{desk.DeskId}' is defined twice");
            }

            if (desk.Shifts.Count == 0)
            {
                throw new RosterDefinitionException($"{prefix}:Shifts", $"desk '{desk.DeskId}' has no shift");
            }

            for (var s = 0; s < desk.Shifts.Count; s++)
            {
                if (desk.Shifts[s].Start == desk.Shifts[s].End)
                {
                    throw new RosterDefinitionException($"{prefix}:Shifts:{s}", $"shift {desk.Shifts[s]} of desk '{desk.DeskId}' has no length; a 24-hour desk needs two or more shifts");
                }
            }

            CheckNoOverlap(desk, prefix);
        }

        return new Roster(desks);
    }

    public DeskRoster Desk(string deskId) =>
        Desks.FirstOrDefault(d => string.Equals(d.DeskId, deskId, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no desk '{deskId}' in the roster", nameof(deskId));

    /// <summary>Every shift instance that overlaps [from, to), ordered by start.</summary>
    public IReadOnlyList<ShiftInstance> ShiftsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<ShiftInstance>();
        for (var d = 0; d < Desks.Count; d++)
        {
            var desk = Desks[d];
            // An overnight shift that started the local day before still covers the morning.
            var firstDate = ZoneTime.LocalDate(from, desk.TimeZone).AddDays(-1);
            var lastDate = ZoneTime.LocalDate(to, desk.TimeZone);
            for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
            {
                for (var p = 0; p < desk.Shifts.Count; p++)
                {
                    var instance = instances.GetOrAdd((d, date, p), static (key, desks) => Instance(desks[key.Desk], key.Date, desks[key.Desk].Shifts[key.Pattern]), Desks);
                    if (instance.StartsAt < to && instance.EndsAt > from)
                    {
                        result.Add(instance);
                    }
                }
            }
        }

        result.Sort(static (a, b) => a.StartsAt != b.StartsAt ? a.StartsAt.CompareTo(b.StartsAt) : string.CompareOrdinal(a.DeskId, b.DeskId));
        return result;
    }

    /// <summary>The shifts on duty at an instant, most recently started last.</summary>
    public IReadOnlyList<ShiftInstance> OnDuty(DateTimeOffset instant)
    {
        if (lastOnDuty is { } known && known.From <= instant && instant < known.Until)
        {
            return known.Shifts;
        }

        // Every shift that covers any instant of the window is among these, so between two of
        // their boundaries (inside the window) the shifts on duty stay the same.
        var (windowFrom, windowUntil) = (instant.AddDays(-2), instant.AddDays(1));
        var nearby = ShiftsBetween(windowFrom, windowUntil);
        var (from, until) = (windowFrom, windowUntil);
        foreach (var shift in nearby)
        {
            foreach (var boundary in (ReadOnlySpan<DateTimeOffset>)[shift.StartsAt, shift.EndsAt])
            {
                if (boundary <= instant && boundary > from)
                {
                    from = boundary;
                }
                else if (boundary > instant && boundary < until)
                {
                    until = boundary;
                }
            }
        }

        var onDuty = nearby.Where(s => s.Covers(instant)).ToList();
        lastOnDuty = new OnDutySpan(from, until, onDuty);
        return onDuty;
    }

    /// <summary>The first shift to start strictly after an instant.</summary>
    public ShiftInstance NextShiftStart(DateTimeOffset after) =>
        ShiftsBetween(after, after + LookAhead).FirstOrDefault(s => s.StartsAt > after)
        ?? throw new InvalidOperationException($"no shift starts within {LookAhead.TotalDays} days of {after:u}");

    /// <summary>Shift starts and ends in (after, until], in announcement order: at one instant,
    /// starts come before ends, so the incoming desk is on duty when the outgoing one briefs it.</summary>
    public IReadOnlyList<ShiftBoundary> BoundariesBetween(DateTimeOffset after, DateTimeOffset until) =>
        // Most steps of the shift clock end before the next boundary, which its last step asked for.
        lastNextBoundary is { } known && known.After <= after && until < known.Next.At ? [] : AllBoundariesBetween(after, until);

    private List<ShiftBoundary> AllBoundariesBetween(DateTimeOffset after, DateTimeOffset until)
    {
        var boundaries = new List<ShiftBoundary>();
        foreach (var shift in ShiftsBetween(after, until + TimeSpan.FromTicks(1)))
        {
            if (shift.StartsAt > after && shift.StartsAt <= until)
            {
                boundaries.Add(new ShiftBoundary(shift.StartsAt, shift, IsStart: true));
            }

            if (shift.EndsAt > after && shift.EndsAt <= until)
            {
                boundaries.Add(new ShiftBoundary(shift.EndsAt, shift, IsStart: false));
            }
        }

        return boundaries
            .OrderBy(b => b.At)
            .ThenBy(b => b.IsStart ? 0 : 1)
            .ThenBy(b => b.Shift.DeskId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The next shift start or end strictly after an instant.</summary>
    public ShiftBoundary NextBoundary(DateTimeOffset after)
    {
        // The first boundary after an instant is the first after any later instant before it.
        if (lastNextBoundary is { } known && known.After <= after && after < known.Next.At)
        {
            return known.Next;
        }

        var boundaries = AllBoundariesBetween(after, after + LookAhead);
        var next = boundaries.Count > 0
            ? boundaries[0]
            : throw new InvalidOperationException($"no shift change within {LookAhead.TotalDays} days of {after:u}");
        lastNextBoundary = new NextBoundarySpan(after, next);
        return next;
    }

    /// <summary>Follow-the-sun routing: the desk on duty that came on most recently (so during
    /// an overlap new work goes to the incoming desk); in a gap, the next desk to come on.</summary>
    public RoutingDecision Route(DateTimeOffset raisedAt)
    {
        var onDuty = OnDuty(raisedAt);
        return onDuty.Count > 0
            ? new RoutingDecision(onDuty.MaxBy(s => s.StartsAt)!, InCoverageGap: false)
            : new RoutingDecision(NextShiftStart(raisedAt), InCoverageGap: true);
    }

    /// <summary>Routing as <see cref="Route"/> among the desks that are not
    /// <paramref name="unavailable"/> (down): the one on duty that came on most recently, else
    /// the next of them to come on; null when none of them has a shift ahead.</summary>
    public RoutingDecision? RouteAvoiding(DateTimeOffset at, IReadOnlySet<string> unavailable)
    {
        bool Available(ShiftInstance shift) => !unavailable.Contains(shift.DeskId);
        if (OnDuty(at).Where(Available).MaxBy(s => s.StartsAt) is { } onDuty)
        {
            return new RoutingDecision(onDuty, InCoverageGap: false);
        }

        return ShiftsBetween(at, at + LookAhead).FirstOrDefault(s => s.StartsAt > at && Available(s)) is { } next
            ? new RoutingDecision(next, InCoverageGap: true)
            : null;
    }

    /// <summary>Who takes over from a shift that ends: the shift on duty at its end that came on
    /// most recently, or, when nobody is on (a gap), the next shift to start.</summary>
    public HandoffPlan PlanHandoff(ShiftInstance outgoing)
    {
        var end = outgoing.EndsAt;
        var incoming = OnDuty(end).Where(s => s.ShiftId != outgoing.ShiftId).MaxBy(s => s.StartsAt)
            ?? NextShiftStart(end);
        var id = $"HO-{end.UtcDateTime:yyyyMMdd'T'HHmm'Z'}-{outgoing.DeskId}-{incoming.DeskId}";
        return new HandoffPlan(id, outgoing, incoming);
    }

    /// <summary>Gaps (nobody on duty) and overlaps (two or more desks) within [from, to).</summary>
    public CoverageReport Coverage(DateTimeOffset from, DateTimeOffset to) => CoverageOf(ShiftsBetween(from, to), from, to);

    /// <summary>Gaps and overlaps within [from, to) of the given shifts only (a roster with some
    /// shifts off, say).</summary>
    public static CoverageReport CoverageOf(IReadOnlyList<ShiftInstance> shifts, DateTimeOffset from, DateTimeOffset to)
    {
        var cuts = new SortedSet<DateTimeOffset> { from, to };
        foreach (var shift in shifts)
        {
            if (shift.StartsAt > from && shift.StartsAt < to)
            {
                cuts.Add(shift.StartsAt);
            }

            if (shift.EndsAt > from && shift.EndsAt < to)
            {
                cuts.Add(shift.EndsAt);
            }
        }

        var gaps = new List<TimeRange>();
        var overlaps = new List<Overlap>();
        var points = cuts.ToList();
        for (var i = 0; i < points.Count - 1; i++)
        {
            var (segmentStart, segmentEnd) = (points[i], points[i + 1]);
            var desks = shifts.Where(s => s.Covers(segmentStart)).Select(s => s.DeskId).Distinct().Order(StringComparer.Ordinal).ToList();
            if (desks.Count == 0)
            {
                if (gaps.Count > 0 && gaps[^1].To == segmentStart)
                {
                    gaps[^1] = gaps[^1] with { To = segmentEnd };
                }
                else
                {
                    gaps.Add(new TimeRange(segmentStart, segmentEnd));
                }
            }
            else if (desks.Count > 1)
            {
                if (overlaps.Count > 0 && overlaps[^1].To == segmentStart && overlaps[^1].DeskIds.SequenceEqual(desks))
                {
                    overlaps[^1] = overlaps[^1] with { To = segmentEnd };
                }
                else
                {
                    overlaps.Add(new Overlap(segmentStart, segmentEnd, desks));
                }
            }
        }

        return new CoverageReport(new TimeRange(from, to), gaps, overlaps);
    }

    /// <summary>The shifts on duty at every instant of [From, Until).</summary>
    private sealed record OnDutySpan(DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<ShiftInstance> Shifts);

    /// <summary>The first boundary after every instant of [After, Next.At).</summary>
    private sealed record NextBoundarySpan(DateTimeOffset After, ShiftBoundary Next);

    private static ShiftInstance Instance(DeskRoster desk, DateOnly date, ShiftPattern pattern)
    {
        var startsAt = ZoneTime.ToUtc(date, pattern.Start, desk.TimeZone);
        var endsAt = ZoneTime.ToUtc(pattern.IsOvernight ? date.AddDays(1) : date, pattern.End, desk.TimeZone);
        var shiftId = $"{desk.DeskId}-{date:yyyyMMdd}-{pattern.Start:HHmm}";
        return new ShiftInstance(desk.DeskId, shiftId, date, pattern, startsAt, endsAt);
    }

    private static void CheckNoOverlap(DeskRoster desk, string prefix)
    {
        for (var a = 0; a < desk.Shifts.Count; a++)
        {
            for (var b = a + 1; b < desk.Shifts.Count; b++)
            {
                var overlapping = desk.Shifts[a].MinuteRanges()
                    .Any(x => desk.Shifts[b].MinuteRanges().Any(y => x.From < y.To && y.From < x.To));
                if (overlapping)
                {
                    throw new RosterDefinitionException(
                        $"{prefix}:Shifts:{b}",
                        $"shift {desk.Shifts[b]} of desk '{desk.DeskId}' overlaps its shift {desk.Shifts[a]}");
                }
            }
        }
    }
}
