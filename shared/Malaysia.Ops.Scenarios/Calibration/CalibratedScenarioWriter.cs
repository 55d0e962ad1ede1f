using System.Text;

namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>
/// Writes a calibration as a scenario file the loader reads: its arrivals (base rate, busy
/// window in the calibration's time zone, weekend factor) over a week from the history's first
/// Monday, run by the usual two desks; the measured mix of types and severities; and the work
/// times of each severity: the lognormal fit where the Kolmogorov–Smirnov test does not reject
/// it, else the measured times themselves (at most <see cref="MaxEmpiricalMinutes"/> evenly
/// spaced quantiles of them).
/// </summary>
public static class CalibratedScenarioWriter
{
    /// <summary>The most the loader accepts for a busy or weekend factor.</summary>
    private const double MaxFactor = 100;

    /// <summary>The most work times an empirical distribution is written with.</summary>
    public const int MaxEmpiricalMinutes = 200;

    // The loader's bounds on a work time and a lognormal spread.
    private const double MaxWorkMinutes = 10_080;
    private const double MinWorkMinutes = 0.01;
    private const double MaxSpread = 5;

    public static string Write(Calibration calibration, string name)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var yaml = new StringBuilder();
        yaml.AppendLine($"# Calibrated from {calibration.Source}: {calibration.Incidents} incidents over {Figures.Fixed(calibration.Days, 1)} days,");
        yaml.AppendLine($"# hours of the week in {calibration.TimeZone}. Field reference: docs/scenarios.md");
        yaml.AppendLine($"name: {name}");
        yaml.AppendLine($"description: Calibrated from {calibration.Source} ({calibration.Incidents} incidents)");
        yaml.AppendLine($"start: {FirstMonday(calibration.From):yyyy-MM-dd}T00:00:00Z");
        yaml.AppendLine("days: 7");
        yaml.AppendLine("seed: 1");
        yaml.AppendLine();
        yaml.AppendLine("arrivals:");
        yaml.AppendLine($"  incidentsPerHour: {Figures.Number(calibration.BaseRate)}");
        if (calibration.Busy is { } busy)
        {
            yaml.AppendLine($"  busyHours: {{ timeZone: {calibration.TimeZone}, from: \"{Figures.Hour(busy.FromHour)}\", to: \"{ToTime(busy.ToHour)}\", factor: {Figures.Number(Math.Min(busy.Factor, MaxFactor))} }}");
        }

        yaml.AppendLine($"  weekendFactor: {Figures.Number(Math.Min(calibration.WeekendFactor, MaxFactor))}");
        yaml.AppendLine("  # Measured: severities " + string.Join(", ", calibration.SeverityMix.Select(m => $"{m.Key} {Figures.Fixed(m.Value * 100, 1)}%")));
        yaml.AppendLine("  mix:");
        foreach (var share in calibration.Mix)
        {
            yaml.AppendLine($"    - {{ type: {share.Type}, severity: {share.Severity}, share: {Figures.Number(share.Share)} }}");
        }

        var rules = calibration.WorkTimes.Select(WorkTimeRule).Where(r => r is not null).ToList();
        if (rules.Count > 0)
        {
            yaml.AppendLine("  workTimes:");
            foreach (var rule in rules)
            {
                yaml.Append(rule);
            }
        }

        yaml.AppendLine();
        yaml.AppendLine("desks:");
        yaml.AppendLine("  - { id: us, name: US desk (New York), timeZone: America/New_York, shifts: [\"08:00-20:00\"], engineers: 4 }");
        yaml.AppendLine("  - { id: my, name: Malaysian desk (Kuala Lumpur), timeZone: Asia/Kuala_Lumpur, shifts: [\"08:00-20:00\"], engineers: 4 }");
        return yaml.ToString();
    }

    /// <summary>A severity's work times as a "workTimes" item, with the measured figures as a
    /// comment; null without a positive work time.</summary>
    private static string? WorkTimeRule(WorkTimeFigures work)
    {
        var minutes = work.Minutes.Where(m => m > 0).Select(m => Math.Clamp(m, MinWorkMinutes, MaxWorkMinutes)).Order().ToList();
        if (minutes.Count == 0)
        {
            return null;
        }

        var measured = $"    # {work.Severity}: mean {Figures.Fixed(work.MeanMinutes, 1)} min over {work.Samples} work times";
        if (work.Fit is { } fit && fit.Sigma > 0 && fit.KolmogorovSmirnov <= fit.CriticalDistance)
        {
            return $"{measured}; lognormal fit, KS distance {Figures.Fixed(fit.KolmogorovSmirnov, 3)} (not rejected at 5%: {Figures.Fixed(fit.CriticalDistance, 3)})\n"
                + $"    - {{ severity: {work.Severity}, distribution: lognormal, mean: {Figures.Number(Math.Clamp(fit.Mean, MinWorkMinutes, MaxWorkMinutes))}, spread: {Figures.Number(Math.Min(fit.Sigma, MaxSpread))} }}\n";
        }

        var why = work.Fit is { } rejected ? $"lognormal rejected, KS distance {Figures.Fixed(rejected.KolmogorovSmirnov, 3)}" : "too few for a fit";
        var values = Quantiles(minutes).Select(m => Figures.Number(Math.Round(m, 2)));
        return $"{measured}; {why}, so the times themselves\n"
            + $"    - {{ severity: {work.Severity}, distribution: empirical, minutes: [{string.Join(", ", values)}] }}\n";
    }

    /// <summary>The sorted times, or <see cref="MaxEmpiricalMinutes"/> evenly spaced quantiles of them.</summary>
    private static IEnumerable<double> Quantiles(List<double> sorted) =>
        sorted.Count <= MaxEmpiricalMinutes
            ? sorted
            : Enumerable.Range(0, MaxEmpiricalMinutes).Select(i => sorted[(int)((i + 0.5) * sorted.Count / MaxEmpiricalMinutes)]);

    /// <summary>A window ending at midnight is written "23:59", the last minute of the day a
    /// local time of day can name.</summary>
    private static string ToTime(int hour) => hour == 24 ? "23:59" : Figures.Hour(hour);

    private static DateOnly FirstMonday(DateTimeOffset from)
    {
        var date = DateOnly.FromDateTime(from.UtcDateTime);
        return date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);
    }
}
