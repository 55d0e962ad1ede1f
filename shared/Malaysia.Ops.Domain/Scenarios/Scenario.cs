namespace Malaysia.Ops.Domain.Scenarios;

/// <summary>
/// One rehearsal or what-if: when it starts and for how long, the incident stream, the desks
/// (where, when on duty, how many engineers, at what cost), the handoff rules, scripted events,
/// optionally other desk topologies to compare on the same incident stream, and the holiday
/// calendars its desks keep (with any days the scenario adds), what a staffing plan must
/// achieve (<paramref name="StaffingTargets"/>, null without a serviceLevels section), and the
/// warm-up: the first <c>WarmUpHours</c> of the run, whose incidents every figure leaves out (the
/// desks start empty; 0 for none). Loaded from a YAML file (see docs/scenarios.md); everything
/// here has been validated.
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    DateTimeOffset Start,
    double Days,
    int Seed,
    ArrivalProfile Arrivals,
    IReadOnlyList<DeskPlan> Desks,
    HandoffPolicy Handoff,
    IReadOnlyList<ScriptedIncident> Incidents,
    IReadOnlyList<DeskOutage> Outages,
    IReadOnlyList<Topology> Compare,
    EscalationPolicy? Escalation = null,
    WorkloadPolicy? Workloads = null,
    Incidents.ServiceLevels? ServiceLevels = null,
    RehearsalPlan? Rehearsal = null,
    IReadOnlyList<Holidays.HolidayCalendar>? Calendars = null,
    Staffing.StaffingTargets? StaffingTargets = null,
    double WarmUpHours = 0)
{
    public DateTimeOffset End => Start.AddDays(Days);
}

/// <summary>How the operations console runs the scenario as a rehearsal: a person is the
/// incoming lead of <paramref name="HumanDesks"/> (their briefed items wait for that person's
/// decision), at <paramref name="Speed"/> simulated seconds per wall second (the console's own
/// default when null), with the facilitator's <paramref name="Cards"/>.</summary>
public sealed record RehearsalPlan(IReadOnlyList<string> HumanDesks, double? Speed, IReadOnlyList<RehearsalCard>? Cards = null);

/// <summary>
/// Escalation before an acknowledgement breach: an incident still unacknowledged when
/// <paramref name="AtFractionOfTarget"/> of its acknowledgement target has passed goes to another
/// desk on duty, or, when no other desk is on duty, pages the holding desk's on-call engineer,
/// who responds after <paramref name="PagerResponseMinutes"/> and works it outside the shift.
/// </summary>
public sealed record EscalationPolicy(double AtFractionOfTarget, double PagerResponseMinutes);

/// <summary>US customers' workloads on the Malaysian GPU clusters: <paramref name="PerDay"/>
/// submitted a day on average (Poisson); each fails part-way, raising an incident, with
/// <paramref name="FailureProbability"/>.</summary>
public sealed record WorkloadPolicy(double PerDay, double FailureProbability);

/// <summary>A desk of the operation: its site, shifts in local time, staff, skills and cost.</summary>
/// <param name="Shifts">"08:00-20:00" in the desk's local time; "20:00-08:00" runs overnight.</param>
/// <param name="Engineers">Engineers on each shift (unless <paramref name="EngineersByShift"/>
/// says otherwise).</param>
/// <param name="IncidentsPerEngineer">Incidents one engineer works at once.</param>
/// <param name="Skills">What the desk's engineers know (the catalogue's skills); null for
/// everything. An incident needing a skill the desk lacks takes longer.</param>
/// <param name="EngineersByShift">Engineers on each shift, in the order of
/// <paramref name="Shifts"/>; null for <paramref name="Engineers"/> on every shift.</param>
/// <param name="Holidays">The holiday calendar the desk's site keeps; null for none.</param>
/// <param name="HolidayEngineers">Engineers on each shift that starts on one of its holidays
/// (0: the desk is closed).</param>
public sealed record DeskPlan(
    string Id,
    string Name,
    string TimeZone,
    IReadOnlyList<string> Shifts,
    int Engineers,
    double ReviewMinutesPerItem,
    StaffCost Cost,
    int IncidentsPerEngineer = 1,
    IReadOnlyList<string>? Skills = null,
    IReadOnlyList<int>? EngineersByShift = null,
    string? Holidays = null,
    int HolidayEngineers = 0)
{
    /// <summary>Engineers on the shift at <paramref name="shiftIndex"/> of <see cref="Shifts"/>.</summary>
    public int EngineersOn(int shiftIndex) => EngineersByShift is { } byShift ? byShift[shiftIndex] : Engineers;
}

/// <summary>What an engineer-hour on duty costs at a desk: a base rate with premiums (fractions
/// of the base) for night hours (22:00-06:00 local) and weekends (local Saturday and Sunday).</summary>
public sealed record StaffCost(double HourlyRate, double NightPremium, double WeekendPremium)
{
    public static StaffCost None { get; } = new(0, 0, 0);
}

/// <summary>
/// When incidents arrive: Poisson at a base rate per hour, scaled during the busy hours of a
/// time zone (e.g. US business hours) and at weekends there, by load spikes, plus correlated
/// bursts (one cluster outage raising many incidents at once). <paramref name="Mix"/>: the
/// scenario's own types, severities and work times (null: the catalogue's).
/// <paramref name="RandomArrivals"/> false: no Poisson arrivals, as when a history is replayed
/// (the rate then only describes the stream).
/// </summary>
public sealed record ArrivalProfile(
    double IncidentsPerHour,
    BusyHours? BusyHours,
    double WeekendFactor,
    IReadOnlyList<LoadSpike> Spikes,
    BurstPolicy? Bursts,
    Incidents.IncidentMix? Mix = null,
    bool RandomArrivals = true)
{
    public static ArrivalProfile Constant(double incidentsPerHour) => new(incidentsPerHour, null, 1, [], null);
}

/// <summary>Local hours [From, To) in <paramref name="TimeZone"/> when the rate is multiplied by
/// <paramref name="Factor"/>.</summary>
public sealed record BusyHours(string TimeZone, TimeOnly From, TimeOnly To, double Factor);

/// <summary>The rate multiplied by <paramref name="Factor"/> between two instants.</summary>
public sealed record LoadSpike(DateTimeOffset From, DateTimeOffset To, double Factor);

/// <summary>Random correlated bursts: on average <paramref name="PerDay"/> a day, a cluster
/// outage raising <paramref name="Incidents"/> incidents of one type on one cluster within
/// <paramref name="WithinMinutes"/>.</summary>
public sealed record BurstPolicy(double PerDay, int Incidents, double WithinMinutes);

/// <summary>An incident the scenario raises at a set instant, on top of the random stream
/// (e.g. a SEV1 GPU-cluster outage 30 minutes before a shift ends), or one of a replayed
/// history. With <paramref name="DrawsWork"/>, its work is drawn from the scenario's
/// distribution by the seed, and <paramref name="WorkMinutes"/> is not used.</summary>
public sealed record ScriptedIncident(
    DateTimeOffset At,
    Contracts.IncidentType Type,
    Contracts.Severity Severity,
    string Cluster,
    double WorkMinutes,
    string Summary,
    bool DrawsWork = false);

/// <summary>A desk that goes dark (site power, network, everyone pulled into a war room): from
/// <paramref name="From"/> to <paramref name="To"/> it works nothing, acknowledges nothing and
/// briefs nobody.</summary>
public sealed record DeskOutage(string DeskId, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// How work changes hands. <paramref name="OmissionProbability"/>: an item's context is left
/// out or garbled in the briefing; the incoming desk then queries it
/// (<paramref name="QueryProbability"/>, costing <paramref name="QueryMinutes"/>) or finds out
/// later, a surprise costing <paramref name="SurpriseMinutes"/> of extra work. Every change of
/// hands adds <paramref name="RefamiliarisationMinutes"/>.
/// </summary>
public sealed record HandoffPolicy(
    double WindowMinutes,
    double OmissionProbability,
    double QueryProbability,
    double QueryMinutes,
    double SurpriseMinutes,
    double RefamiliarisationMinutes)
{
    public static HandoffPolicy Default { get; } = new(60, 0, 0, 0, 0, 0);
}

/// <summary>Another way to staff the same operation, run on the same incident stream.</summary>
public sealed record Topology(string Name, string Description, IReadOnlyList<DeskPlan> Desks);
