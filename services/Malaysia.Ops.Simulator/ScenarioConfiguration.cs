using System.Globalization;
using Malaysia.Ops.Desk;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Workload;

namespace Malaysia.Ops.Simulator;

/// <summary>
/// A scenario as the services' own settings (sections Simulation, Workload, Roster, Dispatch),
/// so the simulator runs it through exactly the configuration the separate services read, and a
/// scenario can be reproduced on RabbitMQ by giving the services the same settings.
/// </summary>
public static class ScenarioConfiguration
{
    /// <summary>A synthetic load as the workload service's settings ("Workload:Load").</summary>
    public static Dictionary<string, string?> Load(LoadOptions load) => new()
    {
        [$"{LoadOptions.Section}:Shape"] = load.Shape.ToString(),
        [$"{LoadOptions.Section}:Rate"] = Text(load.Rate),
        [$"{LoadOptions.Section}:PeakRate"] = Text(load.PeakRate),
        [$"{LoadOptions.Section}:Seconds"] = Text(load.Seconds),
        [$"{LoadOptions.Section}:SpikeAtSeconds"] = Text(load.SpikeAtSeconds),
        [$"{LoadOptions.Section}:SpikeSeconds"] = Text(load.SpikeSeconds),
    };

    private const string ScriptSection = "Workload:Scripted";

    /// <summary>The scenario as settings; without <paramref name="scriptAsSettings"/>, its scripted
    /// incidents are left for <see cref="Script"/>: thousands of them (a queueing model's whole
    /// stream) would take minutes to bind from settings, whose binder reads every key once per item.</summary>
    public static Dictionary<string, string?> Settings(Scenario scenario, IReadOnlyList<DeskPlan> desks, double? speed, bool scriptAsSettings = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Simulation:RunId"] = $"{scenario.Name}-{Text(scenario.Seed)}",
            ["Simulation:Epoch"] = Text(scenario.Start),
            ["Simulation:VirtualTime"] = speed is null ? "true" : "false",
            ["Simulation:Speed"] = Text(speed ?? 1),
            ["Simulation:Seed"] = Text(scenario.Seed),
            ["Workload:IncidentsPerHour"] = Text(scenario.Arrivals.IncidentsPerHour),
            ["Workload:RaiseUntil"] = Text(scenario.End),
            ["Workload:WeekendFactor"] = Text(scenario.Arrivals.WeekendFactor),
            ["Workload:RandomArrivals"] = scenario.Arrivals.RandomArrivals ? "true" : "false",
            ["Workload:WorkloadsPerDay"] = Text(scenario.Workloads?.PerDay ?? 0),
            ["Workload:WorkloadFailureProbability"] = Text(scenario.Workloads?.FailureProbability ?? 0),
            ["Dispatch:HandoffWindowMinutes"] = Text(scenario.Handoff.WindowMinutes),
            ["Dispatch:EscalateAtFractionOfAckTarget"] = Text(scenario.Escalation?.AtFractionOfTarget ?? 0),
        };

        foreach (var level in scenario.ServiceLevels?.All ?? [])
        {
            settings[$"Dispatch:ServiceLevels:{level.Severity}:AcknowledgeMinutes"] = Text(level.AcknowledgeWithin.TotalMinutes);
            settings[$"Dispatch:ServiceLevels:{level.Severity}:ResolveMinutes"] = Text(level.ResolveWithin.TotalMinutes);
        }

        if (scenario.Arrivals.BusyHours is { } busy)
        {
            settings["Workload:BusyHours:TimeZone"] = busy.TimeZone;
            settings["Workload:BusyHours:From"] = busy.From.ToString("HH\\:mm", CultureInfo.InvariantCulture);
            settings["Workload:BusyHours:To"] = busy.To.ToString("HH\\:mm", CultureInfo.InvariantCulture);
            settings["Workload:BusyHours:Factor"] = Text(busy.Factor);
        }

        if (scenario.Arrivals.Bursts is { } bursts)
        {
            settings["Workload:Bursts:PerDay"] = Text(bursts.PerDay);
            settings["Workload:Bursts:Incidents"] = Text(bursts.Incidents);
            settings["Workload:Bursts:WithinMinutes"] = Text(bursts.WithinMinutes);
        }

        Each(settings, "Workload:Spikes", scenario.Arrivals.Spikes, (s, add) =>
        {
            add("From", Text(s.From));
            add("To", Text(s.To));
            add("Factor", Text(s.Factor));
        });
        if (scriptAsSettings)
        {
            Each(settings, ScriptSection, scenario.Incidents, (s, add) =>
            {
                add("At", Text(s.At));
                add("Type", s.Type.ToString());
                add("Severity", s.Severity.ToString());
                add("Cluster", s.Cluster);
                add("WorkMinutes", Text(s.WorkMinutes));
                add("Summary", s.Summary);
                add("DrawsWork", s.DrawsWork ? "true" : "false");
            });
        }

        Each(settings, "Roster:Desks", desks, (d, add) =>
        {
            add("Id", d.Id);
            add("Name", d.Name);
            add("TimeZone", d.TimeZone);
            for (var i = 0; i < d.Shifts.Count; i++)
            {
                add($"Shifts:{i}", d.Shifts[i]);
            }
        });
        return settings;
    }

    /// <summary>The scenario's scripted incidents as the workload's settings ("Workload:Scripted").</summary>
    public static List<ScriptedIncidentOptions> Script(Scenario scenario) =>
        scenario.Incidents.Select(s => new ScriptedIncidentOptions
        {
            At = s.At,
            Type = s.Type,
            Severity = s.Severity,
            Cluster = s.Cluster,
            WorkMinutes = s.WorkMinutes,
            Summary = s.Summary,
            DrawsWork = s.DrawsWork,
        }).ToList();

    /// <summary>What of the scenario's stream no setting can carry (its own mix and work times),
    /// for the host to give the workload's options.</summary>
    public static void Stream(Scenario scenario, WorkloadOptions workload) => workload.Mix = scenario.Arrivals.Mix;

    /// <summary>A desk of the scenario as the desk service's settings, with its outages.</summary>
    public static DeskOptions Desk(Scenario scenario, DeskPlan desk) => new()
    {
        Id = desk.Id,
        Engineers = desk.Engineers,
        IncidentsPerEngineer = desk.IncidentsPerEngineer,
        Skills = desk.Skills?.ToList() ?? [],
        TimeZone = desk.TimeZone,
        Staffing = desk.EngineersByShift is null
            ? []
            : desk.Shifts.Select((shift, i) => new ShiftStaffOptions { Shift = shift, Engineers = desk.EngineersOn(i) }).ToList(),
        ReviewMinutesPerItem = desk.ReviewMinutesPerItem,
        PagerResponseMinutes = scenario.Escalation?.PagerResponseMinutes ?? 10,
        Outages = scenario.Outages
            .Where(o => string.Equals(o.DeskId, desk.Id, StringComparison.OrdinalIgnoreCase))
            .Select(o => new DeskOutageOptions { From = o.From, To = o.To })
            .ToList(),
        Handoff = new HandoffQualityOptions
        {
            OmissionProbability = scenario.Handoff.OmissionProbability,
            QueryProbability = scenario.Handoff.QueryProbability,
            QueryMinutes = scenario.Handoff.QueryMinutes,
            SurpriseMinutes = scenario.Handoff.SurpriseMinutes,
            RefamiliarisationMinutes = scenario.Handoff.RefamiliarisationMinutes,
        },
    };

    private static void Each<T>(Dictionary<string, string?> settings, string section, IReadOnlyList<T> items, Action<T, Action<string, string?>> write)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = $"{section}:{i}";
            write(items[i], (key, value) => settings[$"{prefix}:{key}"] = value);
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
