using System.Text;

namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>
/// Writes a calibration as a scenario file the loader reads: its arrivals (base rate, busy
/// window in the calibration's time zone, weekend factor) over a week from the history's first
/// Monday, run by the usual two desks. The scenario format states no severity mix or work times
/// (the catalogue's own drive a run), so the measured ones are written as comments beside it.
/// </summary>
public static class CalibratedScenarioWriter
{
    /// <summary>The most the loader accepts for a busy or weekend factor.</summary>
    private const double MaxFactor = 100;

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
        yaml.AppendLine();
        yaml.AppendLine("# Measured severity mix and work times (minutes), to compare with the catalogue's:");
        foreach (var (severity, share) in calibration.SeverityMix)
        {
            var work = calibration.WorkTimes.FirstOrDefault(w => w.Severity == severity);
            var fit = work?.Fit is { } f ? $", lognormal mu {Figures.Fixed(f.Mu, 3)} sigma {Figures.Fixed(f.Sigma, 3)} (KS distance {Figures.Fixed(f.KolmogorovSmirnov, 3)})" : string.Empty;
            var mean = work is null ? "no work times" : $"mean {Figures.Fixed(work.MeanMinutes, 1)} min over {work.Samples}";
            yaml.AppendLine($"#   {severity}: {Figures.Fixed(share * 100, 1)}% of incidents, {mean}{fit}");
        }

        yaml.AppendLine();
        yaml.AppendLine("desks:");
        yaml.AppendLine("  - { id: us, name: US desk (New York), timeZone: America/New_York, shifts: [\"08:00-20:00\"], engineers: 4 }");
        yaml.AppendLine("  - { id: my, name: Malaysian desk (Kuala Lumpur), timeZone: Asia/Kuala_Lumpur, shifts: [\"08:00-20:00\"], engineers: 4 }");
        return yaml.ToString();
    }

    /// <summary>A window ending at midnight is written "23:59", the last minute of the day a
    /// local time of day can name.</summary>
    private static string ToTime(int hour) => hour == 24 ? "23:59" : Figures.Hour(hour);

    private static DateOnly FirstMonday(DateTimeOffset from)
    {
        var date = DateOnly.FromDateTime(from.UtcDateTime);
        return date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);
    }
}
