using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Messaging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Desk;

/// <summary>Section "Desk" of a desk service.</summary>
public sealed class DeskOptions
{
    public const string Section = "Desk";

    /// <summary>The desk's id in dispatch's roster ("us", "my").</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Engineers on shift, each working one incident at a time.</summary>
    public int Engineers { get; set; } = 4;

    /// <summary>Incidents one engineer works at once.</summary>
    public int IncidentsPerEngineer { get; set; } = 1;

    /// <summary>What the desk's engineers know (the catalogue's skills, e.g. "gpu-hardware");
    /// empty for everything. Work on an incident needing a skill the desk lacks takes
    /// <see cref="UnskilledWorkFactor"/> times as long.</summary>
    public List<string> Skills { get; set; } = [];

    public double UnskilledWorkFactor { get; set; } = 1.5;

    /// <summary>Optional engineers per shift ("Desk:Staffing:0:Shift" = "20:00-08:00",
    /// ":Engineers" = 2) in <see cref="TimeZone"/>; without it every shift has
    /// <see cref="Engineers"/>.</summary>
    public List<ShiftStaffOptions> Staffing { get; set; } = [];

    /// <summary>The desk's IANA time zone, for <see cref="Staffing"/>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Simulated minutes the incoming lead spends on each briefed item before taking it over.</summary>
    public double ReviewMinutesPerItem { get; set; } = 3;

    /// <summary>Stretches of simulated time in which the desk is dark (works, reviews and briefs
    /// nothing), e.g. "Desk:Outages:0:From" / ":To".</summary>
    public List<DeskOutageOptions> Outages { get; set; } = [];

    /// <summary>Simulated minutes the desk on shift takes to give another desk the help it asked
    /// for (hands on its site, its customers' approval).</summary>
    public double AssistResponseMinutes { get; set; } = 10;

    /// <summary>Simulated minutes help from outside the operation takes (the data centre's remote
    /// hands, the customer's own approver), when the operation has no desk that could help.</summary>
    public double ExternalHelpMinutes { get; set; } = 90;

    /// <summary>Simulated minutes the desk's on-call engineer takes to respond to a page.</summary>
    public double PagerResponseMinutes { get; set; } = 10;

    /// <summary>Simulated minutes a person leading the desk out has to write its briefing at
    /// shift end; past them the desk's own draft goes out, so the work is never stranded.</summary>
    public double BriefingWriteMinutes { get; set; } = 30;

    /// <summary>Wall seconds between the desk's reports that its process is alive (on a
    /// real-time run), by which dispatch tells a desk that is down from a quiet one.</summary>
    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>On RabbitMQ, whether the desk may run as several processes on its queue, one
    /// active and the others hot standbys (the queue gets a single active consumer). Every process
    /// of one desk must agree: RabbitMQ refuses to declare a queue again with other arguments.</summary>
    public bool HotStandby { get; set; }

    /// <summary>Wall seconds between the probes a hot standby sends to the desk's queue (on
    /// RabbitMQ), so it learns within about this long that it was made the active process even
    /// when no other message comes.</summary>
    public double StandbyProbeSeconds { get; set; } = 1;

    /// <summary>How well context survives a handoff to or from this desk ("Desk:Handoff:...").</summary>
    public HandoffQualityOptions Handoff { get; set; } = new();

    public string EndpointName => EndpointNameOf(Id);

    /// <summary>The queue of the desk <paramref name="deskId"/>.</summary>
    public static string EndpointNameOf(string deskId) => QueueNames.Desk(deskId);

    /// <summary>The desk's engineers over time.</summary>
    public DeskStaffing StaffingModel()
    {
        if (Staffing.Count == 0)
        {
            return DeskStaffing.Constant(Engineers);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone))
        {
            throw new ArgumentException($"'{TimeZone}' is not a known IANA time zone");
        }

        return DeskStaffing.ByShift(Id, zone, Staffing
            .Select(s => ShiftPattern.TryParse(s.Shift, out var pattern) ? (pattern, s.Engineers) : throw new ArgumentException($"'{s.Shift}' is not a shift (HH:mm-HH:mm)"))
            .ToList());
    }

    /// <summary>Whether the desk has the skill an incident type needs.</summary>
    public bool HasSkillFor(IncidentType type) =>
        Skills.Count == 0
        || Malaysia.Ops.Domain.Incidents.IncidentCatalogue.Default.For(type) is not { Skill.Length: > 0 } profile
        || Skills.Contains(profile.Skill, StringComparer.OrdinalIgnoreCase);
}

internal sealed class DeskOptionsValidator : IValidateOptions<DeskOptions>
{
    public ValidateOptionsResult Validate(string? name, DeskOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Id) || !options.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            problems.Add($"Desk:Id: '{options.Id}' is not a desk id (letters, digits and '-'; it must match a desk of dispatch's roster)");
        }

        if (options.Engineers is < 1 or > 1000)
        {
            problems.Add($"Desk:Engineers: {options.Engineers} is out of range (1 to 1000)");
        }

        for (var i = 0; i < options.Outages.Count; i++)
        {
            if (options.Outages[i].To <= options.Outages[i].From)
            {
                problems.Add($"Desk:Outages:{i}: To ({options.Outages[i].To:O}) must be after From ({options.Outages[i].From:O})");
            }
        }

        problems.AddRange(options.Handoff.Problems("Desk:Handoff"));
        if (options.IncidentsPerEngineer is < 1 or > 10)
        {
            problems.Add($"Desk:IncidentsPerEngineer: {options.IncidentsPerEngineer} is out of range (1 to 10)");
        }

        if (options.HeartbeatSeconds is not (>= 0.1 and <= 300))
        {
            problems.Add($"Desk:HeartbeatSeconds: {options.HeartbeatSeconds} is out of range (0.1 to 300 wall seconds)");
        }

        if (options.StandbyProbeSeconds is not (>= 0.1 and <= 60))
        {
            problems.Add($"Desk:StandbyProbeSeconds: {options.StandbyProbeSeconds} is out of range (0.1 to 60 wall seconds)");
        }

        if (options.UnskilledWorkFactor is not (>= 1 and <= 10))
        {
            problems.Add($"Desk:UnskilledWorkFactor: {options.UnskilledWorkFactor} is out of range (1 to 10)");
        }

        var known = Malaysia.Ops.Domain.Incidents.IncidentCatalogue.Default.Skills;
        foreach (var skill in options.Skills.Where(s => !known.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add($"Desk:Skills: '{skill}' is not a skill of the incident catalogue ({string.Join(", ", known)})");
        }

        if (options.Staffing.Count > 0)
        {
            try
            {
                _ = options.StaffingModel();
            }
            catch (ArgumentException e)
            {
                problems.Add($"Desk:Staffing: {e.Message}");
            }
            catch (RosterDefinitionException e)
            {
                problems.Add($"Desk:Staffing: {e.Problem}");
            }
        }

        foreach (var (setting, minutes) in new[] { ("PagerResponseMinutes", options.PagerResponseMinutes), ("AssistResponseMinutes", options.AssistResponseMinutes), ("ExternalHelpMinutes", options.ExternalHelpMinutes), ("BriefingWriteMinutes", options.BriefingWriteMinutes) })
        {
            if (minutes is not (>= 0 and <= 24 * 60))
            {
                problems.Add($"Desk:{setting}: {minutes} is out of range (0 to 1440)");
            }
        }

        if (options.ReviewMinutesPerItem is not (>= 0 and <= 24 * 60))
        {
            problems.Add($"Desk:ReviewMinutesPerItem: {options.ReviewMinutesPerItem} is out of range (0 to 1440)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
