using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Incidents;

/// <summary>
/// The incident rate of an <see cref="ArrivalProfile"/> at any instant: the base rate, times the
/// busy-hours factor in the busy hours' time zone, times the weekend factor at weekends there
/// (UTC without busy hours), times every load spike under way.
/// </summary>
public sealed class ArrivalRate
{
    private readonly ArrivalProfile profile;
    private readonly TimeZoneInfo zone;

    public ArrivalRate(ArrivalProfile profile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(profile.IncidentsPerHour);
        this.profile = profile;
        zone = profile.BusyHours is { } busy ? TimeZoneInfo.FindSystemTimeZoneById(busy.TimeZone) : TimeZoneInfo.Utc;
        Peak = profile.IncidentsPerHour
            * Math.Max(1, profile.BusyHours?.Factor ?? 1)
            * Math.Max(1, profile.WeekendFactor)
            * PeakSpikeFactor(profile.Spikes);
    }

    /// <summary>The highest rate the profile ever reaches (per hour).</summary>
    public double Peak { get; }

    /// <summary>True when the rate never changes, so no arrival is ever thinned out.</summary>
    public bool IsConstant => Peak == profile.IncidentsPerHour
        && (profile.BusyHours is null || profile.BusyHours.Factor == 1)
        && profile.WeekendFactor == 1
        && profile.Spikes.All(s => s.Factor == 1);

    /// <summary>Incidents per hour at <paramref name="at"/>.</summary>
    public double At(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var rate = profile.IncidentsPerHour;
        if (profile.BusyHours is { } busy && TimeOnly.FromDateTime(local.DateTime) is var time && time >= busy.From && time < busy.To)
        {
            rate *= busy.Factor;
        }

        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            rate *= profile.WeekendFactor;
        }

        foreach (var spike in profile.Spikes)
        {
            if (at >= spike.From && at < spike.To)
            {
                rate *= spike.Factor;
            }
        }

        return rate;
    }

    // Spikes may overlap, so the peak is the largest product of spikes under way together; a
    // spike's start is where any such product begins.
    private static double PeakSpikeFactor(IReadOnlyList<LoadSpike> spikes) => spikes.Count == 0
        ? 1
        : Math.Max(1, spikes.Max(start => spikes.Where(s => s.From <= start.From && start.From < s.To).Aggregate(1.0, (product, s) => product * s.Factor)));
}
