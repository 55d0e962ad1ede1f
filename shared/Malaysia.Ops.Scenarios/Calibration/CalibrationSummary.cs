using System.Text;

namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>The printed summary of a calibration: the stated profile, the severity mix, and the
/// work times of each severity with the lognormal fit and its Kolmogorov–Smirnov distance.</summary>
public static class CalibrationSummary
{
    public static string Write(Calibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var text = new StringBuilder();
        text.AppendLine($"{calibration.Source}: {calibration.Incidents} incidents, {calibration.From:yyyy-MM-dd HH:mm} to {calibration.To:yyyy-MM-dd HH:mm} UTC ({Figures.Fixed(calibration.Days, 1)} days)");
        text.AppendLine($"arrivals ({calibration.TimeZone}): base {Figures.Number(calibration.BaseRate)}/h"
            + (calibration.Busy is { } busy ? $", busy {Figures.Hour(busy.FromHour)}-{Figures.Hour(busy.ToHour)} x{Figures.Fixed(busy.Factor, 2)}" : ", no busy window")
            + $", weekend x{Figures.Fixed(calibration.WeekendFactor, 2)}");
        text.AppendLine("severity  share   work n   mean min (95%)        lognormal mu/sigma   KS (5% critical)");
        foreach (var (severity, share) in calibration.SeverityMix)
        {
            var work = calibration.WorkTimes.FirstOrDefault(w => w.Severity == severity);
            var mean = work is null ? "-" : $"{Figures.Fixed(work.MeanMinutes, 1)} ± {Figures.Fixed(work.MeanHalfWidth, 1)}";
            var fit = work?.Fit is { } f
                ? $"{Figures.Fixed(f.Mu, 3),8}/{Figures.Fixed(f.Sigma, 3),-8}   {Figures.Fixed(f.KolmogorovSmirnov, 3)} ({Figures.Fixed(f.CriticalDistance, 3)})"
                : "-";
            text.AppendLine($"{severity,-8}  {Figures.Fixed(share * 100, 1),5}%  {work?.Samples ?? 0,6}   {mean,-20}  {fit}");
        }

        return text.ToString();
    }
}
