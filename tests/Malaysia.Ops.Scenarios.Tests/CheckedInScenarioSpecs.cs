using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Scenarios.Tests;

/// <summary>The scenarios in the repository's scenarios folder load, and say what their
/// descriptions say.</summary>
public class CheckedInScenarioSpecs
{
    public static TheoryData<string> Names { get; } =
        new(ScenarioCatalogue.List(ScenarioCatalogue.DefaultFolder).Select(s => s.Name));

    private static Scenario Load(string name) =>
        ScenarioLoader.Load(ScenarioCatalogue.Resolve(name, ScenarioCatalogue.DefaultFolder));

    private static DateTimeOffset Utc(int month, int day, int hour = 0, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void The_catalogue_holds_the_documented_scenarios()
    {
        Assert.Equal(
            ["desk-goes-dark", "handoff-rehearsal", "january-week", "july-week", "load-spike", "sev1-outage-at-handoff", "three-desks"],
            ScenarioCatalogue.List(ScenarioCatalogue.DefaultFolder).Select(s => s.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_loads_and_is_named_after_its_file(string name)
    {
        var scenario = Load(name);

        Assert.Equal(name, scenario.Name);
        Assert.False(string.IsNullOrWhiteSpace(scenario.Description));
    }

    [Theory]
    [InlineData("july-week", "us my", "us-only-24x7 follow-the-sun my-only-24x7")]
    [InlineData("january-week", "us my", "us-only-24x7 follow-the-sun my-only-24x7")]
    [InlineData("sev1-outage-at-handoff", "us my", "")]
    [InlineData("handoff-rehearsal", "us my", "")]
    [InlineData("desk-goes-dark", "us my", "")]
    [InlineData("load-spike", "us my", "")]
    [InlineData("three-desks", "us my in", "three-desks follow-the-sun")]
    public void Each_has_the_stated_desks_and_topologies(string name, string deskIds, string topologies)
    {
        var scenario = Load(name);

        Assert.Equal(deskIds.Split(' '), scenario.Desks.Select(d => d.Id));
        Assert.Equal(topologies.Split(' ', StringSplitOptions.RemoveEmptyEntries), scenario.Compare.Select(t => t.Name));
    }

    [Fact]
    public void The_july_week_is_the_baseline_of_the_brief()
    {
        var scenario = Load("july-week");

        Assert.Equal((Utc(7, 13), 7.0, 42), (scenario.Start, scenario.Days, scenario.Seed));
        Assert.Equal(DayOfWeek.Monday, scenario.Start.DayOfWeek);
        Assert.Equal(4, scenario.Arrivals.IncidentsPerHour);
        Assert.Equal(new BusyHours("America/New_York", new TimeOnly(9, 0), new TimeOnly(17, 0), 1.8), scenario.Arrivals.BusyHours);
        Assert.Equal(0.6, scenario.Arrivals.WeekendFactor);
        Assert.Equal(new BurstPolicy(0.2, 6, 20), scenario.Arrivals.Bursts);
        Assert.Equal(
            [("us", "America/New_York", 6, new StaffCost(95, 0.25, 0.5)), ("my", "Asia/Kuala_Lumpur", 4, new StaffCost(38, 0.25, 0.5))],
            scenario.Desks.Select(d => (d.Id, d.TimeZone, d.Engineers, d.Cost)));
        Assert.DoesNotContain("gpu-hardware", scenario.Desks[0].Skills!);
        Assert.DoesNotContain("ml-models", scenario.Desks[1].Skills!);
        Assert.Equal(new EscalationPolicy(0.25, 10), scenario.Escalation);
        Assert.Equal(new WorkloadPolicy(6, 0.1), scenario.Workloads);
        Assert.All(scenario.Desks, d => Assert.Equal(["08:00-20:00"], d.Shifts));
        Assert.Equal(new HandoffPolicy(60, 0.1, 0.6, 15, 30, 10), scenario.Handoff);
        Assert.Equivalent(scenario.Desks, scenario.Compare.Single(t => t.Name == "follow-the-sun").Desks, strict: true);
        Assert.All(
            scenario.Compare.Where(t => t.Name.EndsWith("-24x7", StringComparison.Ordinal)),
            t => Assert.Equal(["08:00-20:00", "20:00-08:00"], Assert.Single(t.Desks).Shifts));
        Assert.Equal([6, 3], scenario.Compare.Single(t => t.Name == "us-only-24x7").Desks.Single().EngineersByShift!);
    }

    [Fact]
    public void The_january_week_is_the_july_week_moved_to_the_us_winter()
    {
        var july = Load("july-week");
        var january = Load("january-week");

        Assert.Equal(Utc(1, 12), january.Start);
        Assert.Equal(DayOfWeek.Monday, january.Start.DayOfWeek);
        Assert.Equivalent(
            july with { Name = january.Name, Description = january.Description, Start = january.Start },
            january,
            strict: true);
    }

    [Fact]
    public void Follow_the_sun_tiles_the_july_day_and_leaves_a_one_hour_gap_each_january_day()
    {
        var july = Load("july-week");
        var january = Load("january-week");

        var julyCoverage = DeskPlanRoster.Of(july.Desks).Coverage(july.Start, july.End);
        var januaryCoverage = DeskPlanRoster.Of(january.Desks).Coverage(january.Start, january.End);

        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (julyCoverage.TotalGap, julyCoverage.TotalOverlap));
        Assert.Equal(7, januaryCoverage.Gaps.Count);
        Assert.All(januaryCoverage.Gaps, gap => Assert.Equal((12, TimeSpan.FromHours(1)), (gap.From.Hour, gap.Length)));
    }

    [Fact]
    public void Three_desks_on_eight_hour_shifts_tile_the_july_day_exactly()
    {
        var scenario = Load("three-desks");
        var roster = DeskPlanRoster.Of(scenario.Desks);

        var coverage = roster.Coverage(scenario.Start, scenario.End);

        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (coverage.TotalGap, coverage.TotalOverlap));
        Assert.Equal(
            [("us", 13, 21), ("my", 21, 5), ("in", 5, 13)],
            scenario.Desks.Select(d => roster.ShiftsBetween(scenario.Start, scenario.End).First(s => s.DeskId == d.Id))
                .Select(s => (s.DeskId, s.StartsAt.Hour, s.EndsAt.Hour)));
        Assert.All(roster.ShiftsBetween(scenario.Start, scenario.End), s => Assert.Equal(TimeSpan.FromHours(8), s.EndsAt - s.StartsAt));
    }

    [Fact]
    public void The_sev1_lands_thirty_minutes_before_the_us_desk_hands_over()
    {
        var scenario = Load("sev1-outage-at-handoff");
        var roster = DeskPlanRoster.Of(scenario.Desks);

        var sev1 = scenario.Incidents[0];
        var related = scenario.Incidents.Skip(1).ToList();

        Assert.Equal((Utc(7, 14), 2.0), (scenario.Start, scenario.Days));
        Assert.Equal(
            (Utc(7, 14, 23, 30), IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-a", 240.0),
            (sev1.At, sev1.Type, sev1.Severity, sev1.Cluster, sev1.WorkMinutes));
        var usShift = Assert.Single(roster.OnDuty(sev1.At));
        Assert.Equal(("us", sev1.At.AddMinutes(30)), (usShift.DeskId, usShift.EndsAt));
        Assert.Equal(4, related.Count);
        Assert.All(related, i => Assert.Equal((IncidentType.TrainingJobStalled, Severity.Sev2, "kul-gpu-a"), (i.Type, i.Severity, i.Cluster)));
        Assert.All(related, i => Assert.InRange(i.At, Utc(7, 14, 23, 32), Utc(7, 14, 23, 45)));
    }

    [Fact]
    public void The_malaysian_desk_goes_dark_mid_shift()
    {
        var scenario = Load("desk-goes-dark");

        Assert.Equal((Utc(7, 13), 2.0), (scenario.Start, scenario.Days));
        Assert.Equal(new DeskOutage("my", Utc(7, 13, 3), Utc(7, 13, 7)), Assert.Single(scenario.Outages));
    }

    [Fact]
    public void The_load_spike_is_ten_times_the_rate_for_two_hours()
    {
        var scenario = Load("load-spike");

        Assert.Equal((Utc(7, 13), 2.0), (scenario.Start, scenario.Days));
        Assert.Equal(new LoadSpike(Utc(7, 13, 14), Utc(7, 13, 16), 10), Assert.Single(scenario.Arrivals.Spikes));
    }

    [Fact]
    public void The_handoff_rehearsal_puts_a_person_on_the_Malaysian_intake_with_a_SEV1_half_an_hour_before_the_US_shift_ends()
    {
        var scenario = Load("handoff-rehearsal");

        Assert.Equal(["my"], scenario.Rehearsal!.HumanDesks);
        Assert.Equal(30, scenario.Rehearsal.Speed);
        var sev1 = Assert.Single(scenario.Incidents, i => i.Severity == Severity.Sev1);
        Assert.Equal(Utc(7, 15) - TimeSpan.FromMinutes(30), sev1.At);
    }
}
