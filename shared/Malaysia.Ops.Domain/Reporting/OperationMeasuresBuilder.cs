using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;
using static Malaysia.Ops.Domain.Instants;

namespace Malaysia.Ops.Domain.Reporting;

/// <summary>
/// Works out <see cref="OperationMeasures"/> over [from, to) from what dispatch's ledger holds and
/// the desks that ran it. An engineer is busy on an incident from a start of work until the first
/// of: the incident's next start, its resolution, the end of the shift that handed it over, or
/// the end of the period (an outage that stops work in progress counts as busy, as the engineers
/// are held by it). An engineer works <see cref="DeskPlan.IncidentsPerEngineer"/> incidents at
/// once. A paged on-call engineer is not on the shift's staff, so paged incidents are left out
/// of utilisation; their queue wait counts.
/// </summary>
public static class OperationMeasuresBuilder
{
    public const string OnCall = "on-call";

    public static OperationMeasures Of(IReadOnlyList<DeskPlan> desks, LedgerSnapshot ledger, DateTimeOffset from, DateTimeOffset to)
    {
        var roster = DeskPlanRoster.Of(desks);
        var shifts = roster.ShiftsBetween(from, to);
        var handedOverAt = ledger.Handoffs
            .SelectMany(h => h.Items.Select(i => (i.IncidentId, h.FromDeskId, h.ShiftEndsAt)))
            .ToLookup(x => x.IncidentId, x => (x.FromDeskId, x.ShiftEndsAt), StringComparer.Ordinal);
        var busy = ledger.Incidents.Where(i => !i.Paged).SelectMany(i => BusySpans(i, handedOverAt[i.IncidentId], to)).ToList();

        var waits = ledger.Incidents
            .Where(i => i.WorkStarts is [_, ..])
            .Select(i => (Start: i.WorkStarts![0], Minutes: (i.WorkStarts[0].At - i.RaisedAt).TotalMinutes))
            .Select(w => (Key: ShiftOf(roster, desks, w.Start), w.Minutes))
            .ToList();

        var rows = new List<ShiftMeasures>();
        double staffedTotal = 0, busyTotal = 0;
        foreach (var plan in desks)
        {
            var desk = roster.Desk(plan.Id);
            for (var k = 0; k < plan.Shifts.Count; k++)
            {
                if (desk.PatternIndex(desk.Shifts[k]) != k)
                {
                    // The same hours written twice are one shift.
                    continue;
                }

                var instances = shifts.Where(s => SameDesk(s.DeskId, plan.Id) && s.Pattern == desk.Shifts[k]).ToList();
                var staffed = instances.Sum(s => Overlap(s.StartsAt, s.EndsAt, from, to)) * plan.EngineersOn(k);
                var worked = instances.Sum(s => busy
                    .Where(b => SameDesk(b.DeskId, plan.Id))
                    .Sum(b => Overlap(b.From, b.To, Later(s.StartsAt, from), Earlier(s.EndsAt, to)))) / plan.IncidentsPerEngineer;
                staffedTotal += staffed;
                busyTotal += worked;
                rows.Add(new ShiftMeasures(
                    plan.Id,
                    plan.Shifts[k],
                    Math.Round(staffed, 2),
                    Math.Round(worked, 2),
                    Ratio(worked, staffed),
                    QueueWaitFigures.Of(waits.Where(w => w.Key == (plan.Id, plan.Shifts[k])).Select(w => w.Minutes))));
            }

            if (waits.Where(w => w.Key == (plan.Id, OnCall)).Select(w => w.Minutes).ToList() is [_, ..] onCall)
            {
                rows.Add(new ShiftMeasures(plan.Id, OnCall, 0, 0, null, QueueWaitFigures.Of(onCall)));
            }
        }

        return new OperationMeasures(
            Ratio(busyTotal, staffedTotal),
            QueueWaitFigures.Of(waits.Select(w => w.Minutes)),
            ledger.Incidents.Count(i => i.Status == IncidentStatus.Open && i.WorkStarts is null or []),
            rows,
            desks.Select(plan => Interruptions(plan, roster.Desk(plan.Id).TimeZone, ledger.Incidents)).ToList());
    }

    /// <summary>Each start of work on <paramref name="incident"/> to the first instant work on it
    /// stopped, in engineer-hours of the desk that started it.</summary>
    private static IEnumerable<(string DeskId, DateTimeOffset From, DateTimeOffset To)> BusySpans(
        IncidentRecord incident, IEnumerable<(string FromDeskId, DateTimeOffset ShiftEndsAt)> handedOver, DateTimeOffset to)
    {
        var starts = incident.WorkStarts ?? [];
        for (var s = 0; s < starts.Count; s++)
        {
            var start = starts[s];
            var end = to;
            if (s + 1 < starts.Count)
            {
                end = Earlier(end, starts[s + 1].At);
            }

            if (incident.ResolvedAt is { } resolved && resolved >= start.At)
            {
                end = Earlier(end, resolved);
            }

            foreach (var handoff in handedOver.Where(h => SameDesk(h.FromDeskId, start.DeskId) && h.ShiftEndsAt >= start.At))
            {
                end = Earlier(end, handoff.ShiftEndsAt);
            }

            if (end > start.At)
            {
                yield return (start.DeskId, start.At, end);
            }
        }
    }

    /// <summary>The desk and shift (as the scenario writes it) a start of work fell in, or
    /// <see cref="OnCall"/> when none of the desk's shifts covers it.</summary>
    private static (string DeskId, string Shift) ShiftOf(Roster roster, IReadOnlyList<DeskPlan> desks, WorkStart start)
    {
        var plan = desks.FirstOrDefault(d => SameDesk(d.Id, start.DeskId));
        if (plan is null)
        {
            return (start.DeskId, OnCall);
        }

        var desk = roster.Desk(plan.Id);
        var shift = roster.OnDuty(start.At).LastOrDefault(s => SameDesk(s.DeskId, plan.Id));
        return shift is null ? (plan.Id, OnCall) : (plan.Id, plan.Shifts[desk.PatternIndex(shift.Pattern)]);
    }

    private static DeskInterruptions Interruptions(DeskPlan plan, TimeZoneInfo zone, IReadOnlyList<IncidentRecord> incidents)
    {
        var taken = incidents
            .Where(i => i.AcknowledgedAt is not null && SameDesk(i.AcknowledgedByDeskId, plan.Id))
            .Select(i => InterruptionHoursOf.At(TimeZoneInfo.ConvertTime(i.AcknowledgedAt!.Value, zone)))
            .ToList();
        var pages = incidents
            .Where(i => i.Paged && i.PagedAt is not null && SameDesk(i.OwnerDeskId, plan.Id))
            .Select(i => InterruptionHoursOf.At(TimeZoneInfo.ConvertTime(i.PagedAt!.Value, zone)))
            .ToList();
        return new DeskInterruptions(
            plan.Id,
            taken.Count(h => h == InterruptionHours.Business),
            taken.Count(h => h == InterruptionHours.Off),
            taken.Count(h => h == InterruptionHours.Sleep),
            pages.Count,
            pages.Count(h => h == InterruptionHours.Sleep));
    }

    private static double Overlap(DateTimeOffset aFrom, DateTimeOffset aTo, DateTimeOffset bFrom, DateTimeOffset bTo) =>
        Math.Max(0, (Earlier(aTo, bTo) - Later(aFrom, bFrom)).TotalHours);

    private static double? Ratio(double busy, double staffed) => staffed > 0 ? Math.Round(busy / staffed, 4) : null;

    private static bool SameDesk(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
