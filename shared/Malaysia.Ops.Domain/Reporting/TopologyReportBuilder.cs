using Malaysia.Ops.Domain.HandoffScoring;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Domain.Staffing;

namespace Malaysia.Ops.Domain.Reporting;

/// <summary>Works out a <see cref="TopologyReport"/> from what dispatch's ledger holds at the end
/// of a run and the desks that ran it.</summary>
public static class TopologyReportBuilder
{
    private const double LatencyBucketMinutes = 5;
    private const int LatencyBuckets = 13;

    public static TopologyReport Build(string name, string description, IReadOnlyList<DeskPlan> desks, LedgerSnapshot ledger, DateTimeOffset from, DateTimeOffset to)
    {
        var roster = DeskPlanRoster.Of(desks);
        var days = (to - from).TotalDays;
        var costs = StaffingCost.Of(desks, roster, from, to);
        var coverage = roster.Coverage(from, to);
        var deskReports = desks.Select(plan =>
        {
            var cost = costs.Single(c => c.DeskId == plan.Id);
            return new DeskReport(
                plan.Id,
                plan.Name,
                plan.TimeZone,
                plan.Shifts,
                plan.Engineers,
                cost.EngineerHours,
                cost.Cost,
                Math.Round(cost.Cost / days, 2),
                ledger.Incidents.Count(i => string.Equals(i.ResolvedByDeskId, plan.Id, StringComparison.OrdinalIgnoreCase)));
        }).ToList();

        return new TopologyReport(
            name,
            description,
            deskReports,
            Math.Round(costs.Sum(c => c.Cost) / days, 2),
            new CoverageFigures(
                Math.Round(coverage.TotalGap.TotalHours, 2),
                Math.Round(coverage.TotalOverlap.TotalHours, 2),
                coverage.Gaps.Select(g => new TimeStretch(g.From, g.To)).ToList(),
                coverage.Overlaps.Select(o => new TimeStretch(o.From, o.To)).ToList(),
                ledger.Summary.IncidentsArrivedInCoverageGap),
            ledger.Summary,
            ledger.Handoffs.OrderBy(h => h.ShiftEndsAt).ThenBy(h => h.HandoffId, StringComparer.Ordinal).Select(Line).ToList(),
            Histograms(ledger.Handoffs),
            OpenIncidents(ledger, desks, from, to),
            DayStrip(roster, from),
            HandoffScorer.MeanOf(ledger.Handoffs),
            OperationMeasuresBuilder.Of(desks, ledger, from, to));
    }

    private static HandoffLine Line(HandoffRecord handoff)
    {
        var latencies = handoff.Items.Where(i => i.LatencySimulatedMinutes is not null).Select(i => i.LatencySimulatedMinutes!.Value).ToList();
        var figures = LatencyFigures.Of(latencies);
        var score = HandoffScorer.Of(handoff);
        return new HandoffLine(
            handoff.HandoffId,
            handoff.Direction,
            handoff.ShiftEndsAt,
            handoff.Status.ToString(),
            handoff.Items.Count,
            handoff.Items.Count(i => i.Escalated),
            figures.P50,
            figures.Max,
            handoff.Omissions,
            handoff.Queries,
            handoff.Surprises,
            score?.Score,
            score?.Band,
            score?.Parts);
    }

    private static List<LatencyHistogram> Histograms(IReadOnlyList<HandoffRecord> handoffs) => handoffs
        .GroupBy(h => h.Direction, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g =>
        {
            var counts = new int[LatencyBuckets];
            foreach (var latency in g.SelectMany(h => h.Items).Where(i => i.LatencySimulatedMinutes is not null).Select(i => i.LatencySimulatedMinutes!.Value))
            {
                counts[Math.Min(LatencyBuckets - 1, (int)(latency / LatencyBucketMinutes))]++;
            }

            return new LatencyHistogram(g.Key, LatencyBucketMinutes, counts);
        })
        .ToList();

    /// <summary>Hourly, who held how many open incidents: an incident is held by the desk it was
    /// assigned to until the shift end of the first handoff that carried it, then by the desk
    /// that handoff went to, and so on, until it is resolved.</summary>
    private static List<OpenIncidentsSample> OpenIncidents(LedgerSnapshot ledger, IReadOnlyList<DeskPlan> desks, DateTimeOffset from, DateTimeOffset to)
    {
        var changes = ledger.Handoffs
            .SelectMany(h => h.Items.Select(item => (item.IncidentId, h.ShiftEndsAt, h.ToDeskId)))
            .GroupBy(c => c.IncidentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ShiftEndsAt).ToList(), StringComparer.Ordinal);

        var samples = new List<OpenIncidentsSample>();
        for (var at = from; at <= to; at = at.AddHours(1))
        {
            var byDesk = desks.ToDictionary(d => d.Id, _ => 0, StringComparer.Ordinal);
            foreach (var incident in ledger.Incidents.Where(i => i.RaisedAt <= at && (i.ResolvedAt is null || i.ResolvedAt > at)))
            {
                var holder = incident.AssignedDeskId;
                if (changes.TryGetValue(incident.IncidentId, out var moves))
                {
                    foreach (var move in moves.Where(m => m.ShiftEndsAt <= at))
                    {
                        holder = move.ToDeskId;
                    }
                }

                if (holder is not null && byDesk.TryGetValue(holder, out var held))
                {
                    byDesk[holder] = held + 1;
                }
            }

            samples.Add(new OpenIncidentsSample(at, byDesk));
        }

        return samples;
    }

    private static List<DutyStrip> DayStrip(Roster roster, DateTimeOffset from)
    {
        var midnight = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
        var end = midnight.AddDays(1);
        HourRange Hours(DateTimeOffset a, DateTimeOffset b) => new(
            Math.Round(((a < midnight ? midnight : a) - midnight).TotalHours, 2),
            Math.Round(((b > end ? end : b) - midnight).TotalHours, 2));

        var strips = roster.Desks
            .Select(desk => new DutyStrip(
                desk.DeskId,
                roster.ShiftsBetween(midnight, end).Where(s => s.DeskId == desk.DeskId).Select(s => Hours(s.StartsAt, s.EndsAt)).ToList()))
            .ToList();
        strips.Add(new DutyStrip("gap", roster.Coverage(midnight, end).Gaps.Select(g => Hours(g.From, g.To)).ToList()));
        return strips;
    }
}
