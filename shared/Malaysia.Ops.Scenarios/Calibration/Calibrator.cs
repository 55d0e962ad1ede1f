using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>
/// Calibrates from an incident history: arrivals are counted by the local hour of the week they
/// fall in, and each hour of the week's exposure is the number of such hours the history spans,
/// so a history of a week and a half does not read as a busier Monday. The busy window is the
/// run of weekday hours whose arrivals most exceed the weekday mean; the base rate is the
/// weekday rate outside it, and the weekend factor compares weekend arrivals with what the
/// base and busy window alone would give.
/// </summary>
public static class Calibrator
{
    /// <exception cref="HistoryException">The history has no incidents.</exception>
    public static Calibration Calibrate(IncidentHistory history, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(zone);
        if (history.Incidents.Count == 0)
        {
            throw new HistoryException($"{history.Source}: no incidents to calibrate from");
        }

        var from = FloorToHour(history.Incidents[0].RaisedAt);
        var to = FloorToHour(history.Incidents[^1].RaisedAt).AddHours(1);
        var counts = new long[HourOfWeek.Count];
        var hours = new double[HourOfWeek.Count];
        foreach (var incident in history.Incidents)
        {
            counts[HourOfWeek.Of(incident.RaisedAt, zone)]++;
        }

        for (var at = from; at < to; at = at.AddHours(1))
        {
            hours[HourOfWeek.Of(at, zone)]++;
        }

        var rates = Enumerable.Range(0, HourOfWeek.Count).Select(h => new RateEstimate(counts[h], hours[h])).ToList();
        var (baseRate, busy) = WeekdayProfile(rates);
        var weekendFactor = WeekendFactor(rates, baseRate, busy);
        return new Calibration(
            history.Source,
            zone.Id,
            from,
            to,
            history.Incidents.Count,
            rates,
            baseRate,
            busy,
            weekendFactor,
            SeverityMix(history.Incidents),
            WorkTimes(history.Incidents),
            Mix(history.Incidents));
    }

    private static DateTimeOffset FloorToHour(DateTimeOffset at) =>
        new(at.UtcDateTime.Date.AddHours(at.UtcDateTime.Hour), TimeSpan.Zero);

    /// <summary>The weekday rate at each hour of the day, pooled over Monday to Friday.</summary>
    private static RateEstimate[] WeekdayHours(List<RateEstimate> rates) =>
        Enumerable.Range(0, 24)
            .Select(h => Enumerable.Range(0, 5).Select(d => rates[(d * 24) + h]).Aggregate(new RateEstimate(0, 0), (a, b) => new RateEstimate(a.Count + b.Count, a.Hours + b.Hours)))
            .ToArray();

    private static (double BaseRate, BusyWindow? Busy) WeekdayProfile(List<RateEstimate> rates)
    {
        var weekday = WeekdayHours(rates);
        var count = weekday.Sum(h => h.Count);
        var exposure = weekday.Sum(h => h.Hours);
        if (exposure == 0)
        {
            // A history of weekends only: its mean is all there is to go on.
            var all = rates.Sum(r => r.Count) / rates.Sum(r => r.Hours);
            return (all, null);
        }

        // The window of largest excess over the mean (maximum-sum run), which a single quiet
        // hour inside a busy afternoon does not split.
        var mean = count / exposure;
        var (best, bestFrom, bestTo) = (0.0, 0, 0);
        var (sum, start) = (0.0, 0);
        for (var h = 0; h < 24; h++)
        {
            if (sum <= 0)
            {
                (sum, start) = (0, h);
            }

            sum += weekday[h].Count - (mean * weekday[h].Hours);
            if (sum > best)
            {
                (best, bestFrom, bestTo) = (sum, start, h + 1);
            }
        }

        var inside = weekday[bestFrom..bestTo];
        var outside = weekday[..bestFrom].Concat(weekday[bestTo..]).ToArray();
        var insideRate = inside.Sum(h => h.Count) / Math.Max(inside.Sum(h => h.Hours), 1e-9);
        var outsideCount = outside.Sum(h => h.Count);
        var outsideHours = outside.Sum(h => h.Hours);
        if (bestTo == bestFrom || outsideCount == 0 || outsideHours == 0)
        {
            return (Math.Max(mean, double.Epsilon), null);
        }

        var baseRate = outsideCount / outsideHours;
        return (baseRate, new BusyWindow(bestFrom, bestTo, insideRate / baseRate));
    }

    private static double WeekendFactor(List<RateEstimate> rates, double baseRate, BusyWindow? busy)
    {
        var weekend = Enumerable.Range(5 * 24, 2 * 24).ToList();
        var expected = weekend.Sum(h =>
        {
            var hour = HourOfWeek.HourOfDay(h);
            var factor = busy is { } b && hour >= b.FromHour && hour < b.ToHour ? b.Factor : 1;
            return rates[h].Hours * baseRate * factor;
        });
        var observed = weekend.Sum(h => rates[h].Count);
        return expected > 0 && observed > 0 ? observed / expected : 1;
    }

    private static Dictionary<Severity, double> SeverityMix(IReadOnlyList<ImportedIncident> incidents) =>
        incidents.GroupBy(i => i.Severity).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (double)g.Count() / incidents.Count);

    private static List<MixShare> Mix(IReadOnlyList<ImportedIncident> incidents) =>
        incidents.GroupBy(i => (i.Type, i.Severity))
            .OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Severity)
            .Select(g => new MixShare(g.Key.Type, g.Key.Severity, (double)g.Count() / incidents.Count))
            .ToList();

    private static List<WorkTimeFigures> WorkTimes(IReadOnlyList<ImportedIncident> incidents) =>
        incidents.Where(i => i.WorkMinutes is not null)
            .GroupBy(i => i.Severity)
            .OrderBy(g => g.Key)
            .Select(g => WorkTimeFigures.Of(g.Key, g.Select(i => i.WorkMinutes!.Value).ToList()))
            .ToList();
}
