using Malaysia.Ops.Domain.Rosters;

namespace Malaysia.Ops.Domain.Desks;

/// <summary>
/// How many engineers a desk has at any instant: each of its shifts (in local time, daylight
/// saving included) may be staffed differently, e.g. four by day and two by night. Outside its
/// shifts the desk keeps the staff of the shift that just ended, for the work it finishes before
/// handing over.
/// </summary>
public sealed class DeskStaffing
{
    private readonly Roster? roster;
    private readonly IReadOnlyDictionary<ShiftPattern, int> engineersByShift;
    private readonly int fallback;

    private DeskStaffing(Roster? roster, IReadOnlyDictionary<ShiftPattern, int> engineersByShift, int fallback)
    {
        this.roster = roster;
        this.engineersByShift = engineersByShift;
        this.fallback = fallback;
    }

    /// <summary>The same number on every shift.</summary>
    public static DeskStaffing Constant(int engineers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(engineers);
        return new DeskStaffing(null, new Dictionary<ShiftPattern, int>(), engineers);
    }

    /// <summary>Engineers per shift of one desk in <paramref name="zone"/>.</summary>
    public static DeskStaffing ByShift(string deskId, TimeZoneInfo zone, IReadOnlyList<(ShiftPattern Shift, int Engineers)> shifts)
    {
        if (shifts.Count == 0 || shifts.Any(s => s.Engineers < 1))
        {
            throw new ArgumentException("every shift needs at least one engineer", nameof(shifts));
        }

        var roster = Roster.Create([new DeskRoster(deskId, deskId, zone, shifts.Select(s => s.Shift).ToList())]);
        return new DeskStaffing(roster, shifts.ToDictionary(s => s.Shift, s => s.Engineers), shifts.Max(s => s.Engineers));
    }

    /// <summary>The most engineers the desk ever has.</summary>
    public int Most => engineersByShift.Count == 0 ? fallback : engineersByShift.Values.Max();

    public int EngineersAt(DateTimeOffset at)
    {
        if (roster is null)
        {
            return fallback;
        }

        var onDuty = roster.OnDuty(at);
        if (onDuty.Count > 0)
        {
            return engineersByShift[onDuty[^1].Pattern];
        }

        // Between shifts: the staff of the shift that just ended finish what they hold.
        var last = roster.ShiftsBetween(at.AddDays(-2), at).Where(s => s.EndsAt <= at).MaxBy(s => s.EndsAt);
        return last is null ? fallback : engineersByShift[last.Pattern];
    }

    /// <summary>The next instant the staff may change; null when it never does.</summary>
    public DateTimeOffset? NextChangeAfter(DateTimeOffset at) => roster?.NextBoundary(at).At;
}
