using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Scenarios.Calibration;

/// <summary>
/// What an incident history says about the operation, in a named time zone: the arrival rate at
/// each hour of the week, the profile the scenario format can state (a base rate, one busy
/// window a day, a weekend factor), the severity mix and the work times of each severity, and
/// the mix of types and severities (<paramref name="Mix"/>, shares of all incidents).
/// </summary>
public sealed record Calibration(
    string Source,
    string TimeZone,
    DateTimeOffset From,
    DateTimeOffset To,
    int Incidents,
    IReadOnlyList<RateEstimate> HourOfWeekRates,
    double BaseRate,
    BusyWindow? Busy,
    double WeekendFactor,
    IReadOnlyDictionary<Severity, double> SeverityMix,
    IReadOnlyList<WorkTimeFigures> WorkTimes,
    IReadOnlyList<MixShare> Mix)
{
    public double Days => (To - From).TotalDays;

    /// <summary>The rate the stated profile gives an hour of the week.</summary>
    public double ProfileRate(int hourOfWeek)
    {
        var rate = BaseRate;
        var hour = HourOfWeek.HourOfDay(hourOfWeek);
        if (Busy is { } busy && hour >= busy.FromHour && hour < busy.ToHour)
        {
            rate *= busy.Factor;
        }

        return HourOfWeek.IsWeekend(hourOfWeek) ? rate * WeekendFactor : rate;
    }
}
