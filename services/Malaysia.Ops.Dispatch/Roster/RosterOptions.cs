namespace Malaysia.Ops.Dispatch.Roster;

/// <summary>One desk as configured: "Roster:Desks:{i}:Id", ":Name", ":TimeZone" (IANA),
/// ":Shifts" ("08:00-20:00" in the desk's local time; "20:00-08:00" runs overnight).</summary>
public sealed class DeskRosterOptions
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string TimeZone { get; set; } = string.Empty;

    public List<string> Shifts { get; set; } = [];
}

/// <summary>Section "Roster". With no desk configured the default operation applies: the US
/// desk in New York and the Malaysian desk in Kuala Lumpur, both 08:00-20:00 local.</summary>
public sealed class RosterOptions
{
    public const string Section = "Roster";

    // A list default would be appended to by configuration binding, so defaults are applied
    // only when nothing was configured.
    public List<DeskRosterOptions> Desks { get; set; } = [];

    public static IReadOnlyList<DeskRosterOptions> DefaultDesks { get; } =
    [
        new() { Id = "us", Name = "US desk (New York)", TimeZone = "America/New_York", Shifts = ["08:00-20:00"] },
        new() { Id = "my", Name = "Malaysian desk (Kuala Lumpur)", TimeZone = "Asia/Kuala_Lumpur", Shifts = ["08:00-20:00"] },
    ];

    public IReadOnlyList<DeskRosterOptions> EffectiveDesks => Desks.Count > 0 ? Desks : DefaultDesks;
}
