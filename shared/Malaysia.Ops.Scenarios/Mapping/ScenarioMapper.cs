using System.Globalization;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.History;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The document as a whole: the run's identity and period, then each section, then the
/// checks that span sections (scripted events inside the run, outages of known desks). Files the
/// scenario names (scripted incidents in CSV, a history to replay) are read from its folder.</summary>
internal static class ScenarioMapper
{
    public const int DefaultSeed = 42;

    private static readonly string[] Fields =
        ["name", "description", "start", "days", "warmUpHours", "seed", "arrivals", "desks", "handoff", "escalation", "workloads", "serviceLevels", "incidents", "outages", "compare", "rehearsal", "holidays", "incidentsFile", "history"];

    private static readonly NumberRange DaysRange = NumberRange.Above(0, ScenarioLimits.MaxDays);
    private static readonly NumberRange WarmUpRange = NumberRange.Between(0, ScenarioLimits.MaxWarmUpHours);
    private static readonly NumberRange SeedRange = NumberRange.Between(int.MinValue, int.MaxValue);

    /// <summary>The scenario; null if anything was reported.</summary>
    /// <param name="folder">The folder of the scenario file, where the files it names are.</param>
    public static Scenario? Map(YamlValue document, string folder)
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
        var period = start is { } from && days is { } length ? new RunPeriod(from, from.AddDays(length)) : null;
        var files = new ScenarioFile(folder);
        var historyValue = scenario.Optional("history");
        var replayed = historyValue is { } historySection ? HistoryReplayMapper.Map(historySection, files, period) : null;
        var replayedRate = replayed is not null && period is not null ? replayed.Count / (period.End - period.Start).TotalHours : (double?)null;
        var arrivals = scenario.Required("arrivals") is { } arrivalsValue ? ArrivalProfileMapper.Map(arrivalsValue, historyValue is not null, replayedRate) : null;
        var desks = scenario.Required("desks") is { } desksValue ? DeskPlanMapper.MapList(desksValue) : null;
        var handoff = scenario.Optional("handoff") is { } handoffValue ? HandoffPolicyMapper.Map(handoffValue) : HandoffPolicy.Default;
        var escalationValue = scenario.Optional("escalation");
        var escalation = escalationValue is { } escalationSection ? EscalationPolicyMapper.Map(escalationSection) : null;
        var workloadsValue = scenario.Optional("workloads");
        var workloads = workloadsValue is { } workloadsSection ? WorkloadPolicyMapper.Map(workloadsSection) : null;
        var levelsValue = scenario.Optional("serviceLevels");
        var levels = levelsValue is { } levelsSection ? ServiceLevelsMapper.Map(levelsSection) : null;
        IReadOnlyList<ScriptedIncident>? incidents =
            scenario.Optional("incidents") is { } incidentsValue ? ScriptedIncidentMapper.MapList(incidentsValue, period) : [];
        var incidentsFileValue = scenario.Optional("incidentsFile");
        IReadOnlyList<ScriptedIncident>? fromFile = incidentsFileValue is { } fileValue && files.PathOf(fileValue) is { } csv
            ? ScenarioFile.Read(fileValue, () => ScriptedIncidentCsv.Read(csv, period))
            : incidentsFileValue is null ? Array.Empty<ScriptedIncident>() : null;
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
            || (rehearsalValue is not null && rehearsal is null) || holidays is null || fromFile is null || (historyValue is not null && replayed is null))
        {
            return null;
        }

        IReadOnlyList<ScriptedIncident> script = [.. incidents, .. fromFile, .. replayed ?? []];
        return new Scenario(name, description, start.Value, days.Value, seed, arrivals, desks, handoff, script, outages, compare, escalation, workloads, levels?.Levels, rehearsal,
            HolidayMapper.Kept(desks.Concat(compare.SelectMany(t => t.Desks)), holidays), levels?.Targets, warmUp.Value);
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
