using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The "arrivals" section: the base incident rate and what scales it (busy hours,
/// weekends, load spikes) or adds to it (correlated bursts).</summary>
internal static class ArrivalProfileMapper
{
    public const double DefaultWeekendFactor = 1;

    private static readonly string[] Fields = ["incidentsPerHour", "busyHours", "weekendFactor", "spikes", "bursts"];
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

    public static ArrivalProfile? Map(YamlValue value)
    {
        if (value.Mapping(Fields) is not { } arrivals)
        {
            return null;
        }

        var rate = arrivals.Required("incidentsPerHour")?.Number(IncidentsPerHourRange);
        var busyHoursValue = arrivals.Optional("busyHours");
        var busyHours = busyHoursValue is { } busy ? MapBusyHours(busy) : null;
        var weekendFactor = arrivals.Optional("weekendFactor")?.Number(WeekendFactorRange) ?? DefaultWeekendFactor;
        IReadOnlyList<LoadSpike>? spikes =
            arrivals.Optional("spikes") is { } spikesValue ? spikesValue.Items("spikes", 0, int.MaxValue, MapSpike) : [];
        var burstsValue = arrivals.Optional("bursts");
        var bursts = burstsValue is { } burst ? MapBursts(burst) : null;

        if (rate is null || (busyHoursValue is not null && busyHours is null) || spikes is null
            || (burstsValue is not null && bursts is null))
        {
            return null;
        }

        return new ArrivalProfile(rate.Value, busyHours, weekendFactor, spikes, bursts);
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
