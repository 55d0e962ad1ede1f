using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The "arrivals" section: the base incident rate and what scales it (busy hours,
/// weekends, load spikes) or adds to it (correlated bursts), and what it draws (the scenario's
/// own incident mix and work times, <see cref="IncidentMixMapper"/>).</summary>
internal static class ArrivalProfileMapper
{
    public const double DefaultWeekendFactor = 1;

    private static readonly string[] Fields = ["incidentsPerHour", "busyHours", "weekendFactor", "spikes", "bursts", "mix", "workTimes"];
    private static readonly string[] BusyHoursFields = ["timeZone", "from", "to", "factor"];
    private static readonly string[] SpikeFields = ["from", "to", "factor"];
    private static readonly string[] BurstFields = ["perDay", "incidents", "withinMinutes"];

    private static readonly NumberRange IncidentsPerHourRange = NumberRange.Above(0, 100_000);
    private static readonly NumberRange BusyFactorRange = NumberRange.Above(0, 100);
    private static readonly NumberRange WeekendFactorRange = NumberRange.Above(0, 100);
    private static readonly NumberRange SpikeFactorRange = NumberRange.Above(0, 1000);
    private static readonly NumberRange BurstsPerDayRange = NumberRange.Between(0, 100);
    private static readonly NumberRange BurstIncidentsRange = NumberRange.Between(2, 1000);
    private static readonly NumberRange BurstMinutesRange = NumberRange.Above(0, 1440);

    /// <param name="replaying">A history is replayed: "incidentsPerHour" is optional then.</param>
    /// <param name="replayedRate">The replayed history's rate, which stands in for a missing
    /// "incidentsPerHour"; null if the history itself is wrong (and reported).</param>
    public static ArrivalProfile? Map(YamlValue value, bool replaying = false, double? replayedRate = null)
    {
        if (value.Mapping(Fields) is not { } arrivals)
        {
            return null;
        }

        var rateValue = replaying ? arrivals.Optional("incidentsPerHour") : arrivals.Required("incidentsPerHour");
        var rate = rateValue is null ? replayedRate : rateValue.Value.Number(IncidentsPerHourRange);
        var busyHoursValue = arrivals.Optional("busyHours");
        var busyHours = busyHoursValue is { } busy ? MapBusyHours(busy) : null;
        var weekendFactor = arrivals.Optional("weekendFactor")?.Number(WeekendFactorRange) ?? DefaultWeekendFactor;
        IReadOnlyList<LoadSpike>? spikes =
            arrivals.Optional("spikes") is { } spikesValue ? spikesValue.Items("spikes", 0, int.MaxValue, MapSpike) : [];
        var burstsValue = arrivals.Optional("bursts");
        var bursts = burstsValue is { } burst ? MapBursts(burst) : null;
        var mixValue = arrivals.Optional("mix");
        var workTimesValue = arrivals.Optional("workTimes");
        var mix = mixValue is null && workTimesValue is null ? null : IncidentMixMapper.Map(mixValue, workTimesValue);

        if (rate is null || (busyHoursValue is not null && busyHours is null) || spikes is null
            || (burstsValue is not null && bursts is null) || ((mixValue is not null || workTimesValue is not null) && mix is null))
        {
            return null;
        }

        // A replayed history is the stream; a rate written beside it adds random arrivals on top.
        return new ArrivalProfile(rate.Value, busyHours, weekendFactor, spikes, bursts, mix, RandomArrivals: !replaying || rateValue is not null);
    }

    private static BusyHours? MapBusyHours(YamlValue value)
    {
        if (value.Mapping(BusyHoursFields) is not { } busy)
        {
            return null;
        }

        var zone = busy.Required("timeZone")?.TimeZone();
        var from = busy.Required("from")?.TimeOfDay();
        var to = busy.Required("to")?.TimeOfDay();
        var factor = busy.Required("factor")?.Number(BusyFactorRange);
        return zone is null || from is null || to is null || factor is null || !busy.IsOrderedPeriod(from.Value, to.Value)
            ? null
            : new BusyHours(zone.Id, from.Value, to.Value, factor.Value);
    }

    private static LoadSpike? MapSpike(YamlValue value)
    {
        if (value.Mapping(SpikeFields) is not { } spike)
        {
            return null;
        }

        var from = spike.Required("from")?.Instant();
        var to = spike.Required("to")?.Instant();
        var factor = spike.Required("factor")?.Number(SpikeFactorRange);
        return from is null || to is null || factor is null || !spike.IsOrderedPeriod(from.Value, to.Value)
            ? null
            : new LoadSpike(from.Value, to.Value, factor.Value);
    }

    private static BurstPolicy? MapBursts(YamlValue value)
    {
        if (value.Mapping(BurstFields) is not { } bursts)
        {
            return null;
        }

        var perDay = bursts.Required("perDay")?.Number(BurstsPerDayRange);
        var incidents = bursts.Required("incidents")?.Integer(BurstIncidentsRange);
        var within = bursts.Required("withinMinutes")?.Number(BurstMinutesRange);
        return perDay is null || incidents is null || within is null
            ? null
            : new BurstPolicy(perDay.Value, incidents.Value, within.Value);
    }
}
