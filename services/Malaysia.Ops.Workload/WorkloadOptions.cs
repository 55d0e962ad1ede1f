using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Workload;

/// <summary>Section "Workload": the incident stream's rate and shape.</summary>
public sealed class WorkloadOptions
{
    public const string Section = "Workload";

    /// <summary>Mean incident arrivals per simulated hour (Poisson), before the factors below.</summary>
    public double IncidentsPerHour { get; set; } = 4;

    /// <summary>Optional simulated instant after which no incident is raised (a run's end).</summary>
    public DateTimeOffset? RaiseUntil { get; set; }

    /// <summary>Optional busier hours: "Workload:BusyHours:TimeZone", ":From", ":To", ":Factor".</summary>
    public BusyHoursOptions? BusyHours { get; set; }

    /// <summary>Rate factor on Saturdays and Sundays (in the busy hours' time zone, else UTC).</summary>
    public double WeekendFactor { get; set; } = 1;

    /// <summary>Load spikes: "Workload:Spikes:0:From", ":To", ":Factor".</summary>
    public List<LoadSpikeOptions> Spikes { get; set; } = [];

    /// <summary>Correlated bursts: "Workload:Bursts:PerDay", ":Incidents", ":WithinMinutes".</summary>
    public BurstOptions? Bursts { get; set; }

    /// <summary>Incidents raised at set instants: "Workload:Scripted:0:At", ":Type", ":Severity",
    /// ":Cluster", ":WorkMinutes", ":Summary".</summary>
    public List<ScriptedIncidentOptions> Scripted { get; set; } = [];

    /// <summary>False when the stream is only the script (a replayed history): no Poisson arrivals.</summary>
    public bool RandomArrivals { get; set; } = true;

    /// <summary>The scenario's own incident mix and work times; null for the catalogue's. Set by
    /// the host that runs a scenario, not bound from settings (an empirical list is no setting).</summary>
    public IncidentMix? Mix { get; set; }

    /// <summary>US customers' workloads submitted per simulated day (0 for none).</summary>
    public double WorkloadsPerDay { get; set; }

    /// <summary>Chance that a workload fails part-way, raising an incident.</summary>
    public double WorkloadFailureProbability { get; set; } = 0.1;

    /// <summary>A synthetic load in wall time: "Workload:Load:Shape", ":Rate", ":Seconds", ...</summary>
    public LoadOptions Load { get; set; } = new();

    public WorkloadPolicy ToWorkloadPolicy() => new(WorkloadsPerDay, WorkloadFailureProbability);

    public ArrivalProfile ToProfile() => new(
        IncidentsPerHour,
        BusyHours is { } busy ? new BusyHours(busy.TimeZone, busy.From, busy.To, busy.Factor) : null,
        WeekendFactor,
        Spikes.Select(s => new LoadSpike(s.From, s.To, s.Factor)).ToList(),
        Bursts is { } bursts ? new BurstPolicy(bursts.PerDay, bursts.Incidents, bursts.WithinMinutes) : null,
        Mix,
        RandomArrivals);

    public IReadOnlyList<ScriptedIncident> ToScript() =>
        Scripted.Select(s => new ScriptedIncident(s.At, s.Type, s.Severity, s.Cluster, s.WorkMinutes, s.Summary ?? $"{s.Type} on {s.Cluster}", s.DrawsWork)).ToList();
}

public sealed class BusyHoursOptions
{
    public string TimeZone { get; set; } = "UTC";

    public TimeOnly From { get; set; }

    public TimeOnly To { get; set; }

    public double Factor { get; set; } = 1;
}

public sealed class LoadSpikeOptions
{
    public DateTimeOffset From { get; set; }

    public DateTimeOffset To { get; set; }

    public double Factor { get; set; } = 1;
}

public sealed class BurstOptions
{
    public double PerDay { get; set; }

    public int Incidents { get; set; } = 2;

    public double WithinMinutes { get; set; } = 15;
}

public sealed class ScriptedIncidentOptions
{
    public DateTimeOffset At { get; set; }

    public IncidentType Type { get; set; }

    public Severity Severity { get; set; }

    public string Cluster { get; set; } = string.Empty;

    public double WorkMinutes { get; set; } = 30;

    public string? Summary { get; set; }

    /// <summary>The work is drawn by the seed from the stream's distribution (a replayed incident
    /// whose export gives none); <see cref="WorkMinutes"/> is then not used.</summary>
    public bool DrawsWork { get; set; }
}

internal sealed class WorkloadOptionsValidator : IValidateOptions<WorkloadOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkloadOptions options)
    {
        var problems = new List<string>();
        if (options.IncidentsPerHour is not (> 0 and <= 1_000_000))
        {
            problems.Add($"Workload:IncidentsPerHour: {options.IncidentsPerHour} is not a positive rate (incidents per simulated hour, at most 1000000)");
        }

        if (options.BusyHours is { } busy)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(busy.TimeZone, out _))
            {
                problems.Add($"Workload:BusyHours:TimeZone: '{busy.TimeZone}' is not a known IANA time zone");
            }

            if (busy.To <= busy.From)
            {
                problems.Add($"Workload:BusyHours: To ({busy.To:HH\\:mm}) must be after From ({busy.From:HH\\:mm})");
            }

            Factor(problems, "Workload:BusyHours:Factor", busy.Factor, 100);
        }

        Factor(problems, "Workload:WeekendFactor", options.WeekendFactor, 100);
        for (var i = 0; i < options.Spikes.Count; i++)
        {
            var spike = options.Spikes[i];
            if (spike.To <= spike.From)
            {
                problems.Add($"Workload:Spikes:{i}: To ({spike.To:O}) must be after From ({spike.From:O})");
            }

            Factor(problems, $"Workload:Spikes:{i}:Factor", spike.Factor, 1000);
        }

        if (options.Bursts is { } bursts && (bursts.PerDay is not (>= 0 and <= 100) || bursts.Incidents is < 2 or > 1000 || bursts.WithinMinutes is not (> 0 and <= 1440)))
        {
            problems.Add($"Workload:Bursts: PerDay {bursts.PerDay} (0 to 100), Incidents {bursts.Incidents} (2 to 1000) or WithinMinutes {bursts.WithinMinutes} (more than 0, at most 1440) is out of range");
        }

        if (options.WorkloadsPerDay is not (>= 0 and <= 10_000) || options.WorkloadFailureProbability is not (>= 0 and <= 1))
        {
            problems.Add($"Workload:WorkloadsPerDay ({options.WorkloadsPerDay}, 0 to 10000) or Workload:WorkloadFailureProbability ({options.WorkloadFailureProbability}, 0 to 1) is out of range");
        }

        for (var i = 0; i < options.Scripted.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Scripted[i].Cluster) || options.Scripted[i].WorkMinutes is not (> 0 and <= 10_080))
            {
                problems.Add($"Workload:Scripted:{i}: needs a Cluster and WorkMinutes above 0 and at most 10080");
            }
        }

        problems.AddRange(options.Load.Problems());
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Factor(List<string> problems, string setting, double value, double max)
    {
        if (value is not (> 0) || value > max)
        {
            problems.Add($"{setting}: {value} is out of range (more than 0, at most {max})");
        }
    }
}
