using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch;

/// <summary>Section "Dispatch".</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>Simulated minutes the incoming desk has, from when it can first accept, to take
    /// every item over before the rest are escalated.</summary>
    public double HandoffWindowMinutes { get; set; } = 60;

    /// <summary>Escalate an incident still unacknowledged when this fraction of its
    /// acknowledgement target has passed (to another desk on duty, else the holding desk's
    /// on-call pager); 0 never escalates.</summary>
    public double EscalateAtFractionOfAckTarget { get; set; }

    /// <summary>Acknowledgement and resolution targets by severity, replacing the defaults for
    /// the severities given: "Dispatch:ServiceLevels:Sev1:AcknowledgeMinutes", ":ResolveMinutes".</summary>
    public Dictionary<Severity, ServiceLevelOptions> ServiceLevels { get; set; } = [];

    /// <summary>The targets in force.</summary>
    public ServiceLevels Targets() => Domain.Incidents.ServiceLevels.Default.With(ServiceLevels.Select(kv =>
        new ServiceLevel(kv.Key, TimeSpan.FromMinutes(kv.Value.AcknowledgeMinutes), TimeSpan.FromMinutes(kv.Value.ResolveMinutes))));

    /// <summary>The SQLite file dispatch keeps its journal in (ledger, handoff deadlines,
    /// escalation timers, the run's clock), so a restarted dispatch resumes the run; empty keeps
    /// them in memory only. A relative path is taken from the working folder; "{RunId}" in it
    /// stands for the run's id, so each run keeps its own file.</summary>
    public string? LedgerStorePath { get; set; }

    /// <summary>The ledger store's file for a run, or null for none.</summary>
    public string? LedgerStoreFileFor(string runId) =>
        string.IsNullOrWhiteSpace(LedgerStorePath) ? null : LedgerStorePath.Replace("{RunId}", runId, StringComparison.Ordinal);

    /// <summary>Wall seconds a desk's process may be silent (desks report every few seconds)
    /// before dispatch counts the desk as down: when a down desk's handoff closes with no
    /// briefing, its open work goes to a desk that is up. 0 never counts a desk down.</summary>
    public double DeskSilenceSeconds { get; set; } = 30;

    /// <summary>Where to write the ledger snapshot (JSON), or empty for none.</summary>
    public string? LedgerSnapshotPath { get; set; }

    /// <summary>Wall seconds between snapshot writes.</summary>
    public double SnapshotIntervalSeconds { get; set; } = 1;

    /// <summary>Wall seconds between announcements of the run's clock.</summary>
    public double ClockAnnounceIntervalSeconds { get; set; } = 2;

    /// <summary>Wall seconds between the log lines following synthetic load through dispatch
    /// (booked, assigned, acknowledged, resolved, the latencies from the raise, the queues);
    /// 0 for none. Nothing is logged while no load incident comes.</summary>
    public double LoadReportSeconds { get; set; } = 5;
}

internal sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        var problems = new List<string>();
        if (options.HandoffWindowMinutes is not (> 0 and <= 7 * 24 * 60))
        {
            problems.Add($"Dispatch:HandoffWindowMinutes: {options.HandoffWindowMinutes} is out of range (more than 0, at most a week)");
        }

        if (options.EscalateAtFractionOfAckTarget is not (>= 0 and <= 1))
        {
            problems.Add($"Dispatch:EscalateAtFractionOfAckTarget: {options.EscalateAtFractionOfAckTarget} is out of range (0 for never, up to 1)");
        }

        foreach (var (severity, level) in options.ServiceLevels)
        {
            if (level.AcknowledgeMinutes is not (> 0 and <= 43_200) || level.ResolveMinutes is not (> 0 and <= 43_200) || level.ResolveMinutes < level.AcknowledgeMinutes)
            {
                problems.Add($"Dispatch:ServiceLevels:{severity}: acknowledge {level.AcknowledgeMinutes} and resolve {level.ResolveMinutes} minutes must be above 0, at most 43200, and resolving no sooner than acknowledging");
            }
        }

        if (options.SnapshotIntervalSeconds is not (> 0 and <= 3600))
        {
            problems.Add($"Dispatch:SnapshotIntervalSeconds: {options.SnapshotIntervalSeconds} is out of range (more than 0, at most 3600)");
        }

        if (options.ClockAnnounceIntervalSeconds is not (> 0 and <= 3600))
        {
            problems.Add($"Dispatch:ClockAnnounceIntervalSeconds: {options.ClockAnnounceIntervalSeconds} is out of range (more than 0, at most 3600)");
        }

        if (options.LoadReportSeconds is not (>= 0 and <= 3600))
        {
            problems.Add($"Dispatch:LoadReportSeconds: {options.LoadReportSeconds} is out of range (0 for none, up to 3600 wall seconds)");
        }

        if (options.DeskSilenceSeconds is not (>= 0 and <= 3600))
        {
            problems.Add($"Dispatch:DeskSilenceSeconds: {options.DeskSilenceSeconds} is out of range (0 for never, up to 3600 wall seconds)");
        }

        FolderMustExist(nameof(options.LedgerSnapshotPath), options.LedgerSnapshotPath, problems);
        FolderMustExist(nameof(options.LedgerStorePath), options.LedgerStorePath, problems);

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void FolderMustExist(string setting, string? path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        string? folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problems.Add($"{DispatchOptions.Section}:{setting}: '{path}' is not a valid path ({e.Message})");
            return;
        }

        if (folder is null || !Directory.Exists(folder))
        {
            problems.Add($"{DispatchOptions.Section}:{setting}: the folder of '{path}' does not exist");
        }
    }
}
