using System.Globalization;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The document as a whole: the run's identity and period, then each section, then the
/// checks that span sections (scripted events inside the run, outages of known desks).</summary>
internal static class ScenarioMapper
{
    public const int DefaultSeed = 42;

    private static readonly string[] Fields =
        ["name", "description", "start", "days", "warmUpHours", "seed", "arrivals", "desks", "handoff", "escalation", "workloads", "serviceLevels", "incidents", "outages", "compare", "rehearsal", "holidays"];

    private static readonly NumberRange DaysRange = NumberRange.Above(0, ScenarioLimits.MaxDays);
    private static readonly NumberRange WarmUpRange = NumberRange.Between(0, ScenarioLimits.MaxWarmUpHours);
    private static readonly NumberRange SeedRange = NumberRange.Between(int.MinValue, int.MaxValue);

    /// <summary>The scenario; null if anything was reported.</summary>
    public static Scenario? Map(YamlValue document)
    {
        if (document.Mapping(Fields) is not { } scenario)
        {
            return null;
        }

        var name = scenario.Required("name")?.Identifier("name");
        var description = scenario.Required("description")?.Text();
        var start = scenario.Required("start")?.Instant();
        var days = scenario.Required("days")?.Number(DaysRange);
        var warmUp = MapWarmUp(scenario, days);
        var seed = scenario.Optional("seed")?.Integer(SeedRange) ?? DefaultSeed;
        var arrivals = scenario.Required("arrivals") is { } arrivalsValue ? ArrivalProfileMapper.Map(arrivalsValue) : null;
        var desks = scenario.Required("desks") is { } desksValue ? DeskPlanMapper.MapList(desksValue) : null;
        var handoff = scenario.Optional("handoff") is { } handoffValue ? HandoffPolicyMapper.Map(handoffValue) : HandoffPolicy.Default;
        var escalationValue = scenario.Optional("escalation");
        var escalation = escalationValue is { } escalationSection ? EscalationPolicyMapper.Map(escalationSection) : null;
        var workloadsValue = scenario.Optional("workloads");
        var workloads = workloadsValue is { } workloadsSection ? WorkloadPolicyMapper.Map(workloadsSection) : null;
        var levelsValue = scenario.Optional("serviceLevels");
        var levels = levelsValue is { } levelsSection ? ServiceLevelsMapper.Map(levelsSection) : null;
        var period = start is { } from && days is { } length ? new RunPeriod(from, from.AddDays(length)) : null;
        IReadOnlyList<ScriptedIncident>? incidents =
            scenario.Optional("incidents") is { } incidentsValue ? ScriptedIncidentMapper.MapList(incidentsValue, period) : [];
        IReadOnlyList<DeskOutage>? outages =
            scenario.Optional("outages") is { } outagesValue ? DeskOutageMapper.MapList(outagesValue, desks) : [];
        var rehearsalValue = scenario.Optional("rehearsal");
        var rehearsal = rehearsalValue is { } rehearsalSection ? RehearsalMapper.Map(rehearsalSection, desks) : null;
        IReadOnlyList<Topology>? compare =
            scenario.Optional("compare") is { } compareValue ? TopologyMapper.MapList(compareValue) : [];
        IReadOnlyList<AddedHoliday>? holidays =
            scenario.Optional("holidays") is { } holidaysValue ? HolidayMapper.MapList(holidaysValue) : [];

        if (name is null || description is null || start is null || days is null || warmUp is null || arrivals is null || desks is null
            || handoff is null || incidents is null || outages is null || compare is null || (escalationValue is not null && escalation is null) || (workloadsValue is not null && workloads is null) || (levelsValue is not null && levels is null)
            || (rehearsalValue is not null && rehearsal is null) || holidays is null)
        {
            return null;
        }

        return new Scenario(name, description, start.Value, days.Value, seed, arrivals, desks, handoff, incidents, outages, compare, escalation, workloads, levels, rehearsal,
            HolidayMapper.Kept(desks.Concat(compare.SelectMany(t => t.Desks)), holidays), warmUp.Value);
    }

    /// <summary>The hours left out at the start (0 without the field); they must leave some of
    /// the run to measure. Null if reported.</summary>
    private static double? MapWarmUp(FieldMapping scenario, double? days)
    {
        if (scenario.Optional("warmUpHours") is not { } value)
        {
            return 0;
        }

        var hours = value.Number(WarmUpRange);
        if (hours is { } h && days is { } d && h >= d * 24)
        {
            value.Report(string.Create(CultureInfo.InvariantCulture, $"{h} h leaves nothing of the {d} day(s) to measure"));
            return null;
        }

        return hours;
    }
}
