using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;
using static Malaysia.Ops.Scenarios.Tests.TestScenario;

namespace Malaysia.Ops.Scenarios.Tests;

public class ScenarioLoaderSpecs
{
    private static DateTimeOffset Utc(int month, int day, int hour = 0, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Fields_left_out_take_their_documented_defaults()
    {
        var scenario = Parse(Yaml);

        Assert.Equal("test", scenario.Name);
        Assert.Equal(Utc(7, 13), scenario.Start);
        Assert.Equal(Utc(7, 15), scenario.End);
        Assert.Equal(42, scenario.Seed);
        Assert.Equal(0, scenario.WarmUpHours);
        var arrivals = scenario.Arrivals;
        Assert.Equal((4.0, null, 1.0, null), (arrivals.IncidentsPerHour, arrivals.BusyHours, arrivals.WeekendFactor, arrivals.Bursts));
        Assert.Empty(arrivals.Spikes);
        var us = scenario.Desks[0];
        Assert.Equal(("us", "us", "America/New_York", 4, 3.0, StaffCost.None), (us.Id, us.Name, us.TimeZone, us.Engineers, us.ReviewMinutesPerItem, us.Cost));
        Assert.Equal(["08:00-20:00"], us.Shifts);
        Assert.Same(HandoffPolicy.Default, scenario.Handoff);
        Assert.Equal("GpuNodeFailure on kul-gpu-a", Assert.Single(scenario.Incidents).Summary);
        Assert.Empty(scenario.Compare);
    }

    [Fact]
    public void A_warm_up_shorter_than_the_run_is_read_in_hours()
    {
        Assert.Equal(12, Parse(With("days: 2", "days: 2\nwarmUpHours: 12")).WarmUpHours);
        Assert.Equal(0, Parse(With("days: 2", "days: 2\nwarmUpHours: 0")).WarmUpHours);
    }

    [Fact]
    public void Names_are_matched_regardless_of_case_and_instants_are_taken_to_utc()
    {
        var yaml = Yaml
            .Replace("severity: Sev1", "severity: sev1", StringComparison.Ordinal)
            .Replace("type: GpuNodeFailure", "type: gpunodefailure", StringComparison.Ordinal)
            .Replace("desk: my", "desk: MY", StringComparison.Ordinal)
            .Replace("at: 2026-07-13T23:30:00Z", "at: 2026-07-14T07:30:00+08:00", StringComparison.Ordinal);

        var scenario = Parse(yaml);

        var incident = Assert.Single(scenario.Incidents);
        Assert.Equal((IncidentType.GpuNodeFailure, Severity.Sev1), (incident.Type, incident.Severity));
        Assert.Equal(Utc(7, 13, 23, 30), incident.At);
        Assert.Equal(TimeSpan.Zero, incident.At.Offset);
        Assert.Equal("my", Assert.Single(scenario.Outages).DeskId);
    }

    /// <summary>The example in docs/scenarios.md sets every field; it must load as written.</summary>
    [Fact]
    public void Service_levels_replace_the_defaults_only_for_the_severities_given()
    {
        var scenario = Parse(With("days: 2", "days: 2\nserviceLevels: { Sev1: { acknowledgeMinutes: 10, resolveMinutes: 180 } }"));

        var levels = scenario.ServiceLevels!;
        Assert.Equal(new ServiceLevel(Severity.Sev1, TimeSpan.FromMinutes(10), TimeSpan.FromHours(3)), levels.For(Severity.Sev1));
        Assert.Equal(ServiceLevels.Default.For(Severity.Sev2), levels.For(Severity.Sev2));
        Assert.Null(Parse(Yaml).ServiceLevels);
    }

    [Fact]
    public void Service_levels_carry_the_staffing_targets()
    {
        var scenario = Parse(With("days: 2", "days: 2\nserviceLevels:\n  Sev1: { acknowledgeMinutes: 15, resolveMinutes: 240, attainment: 0.95 }\n  maxOccupancy: 0.85\n  shrinkage: 0.3"));

        var targets = scenario.StaffingTargets!;
        Assert.Equal(0.95, Assert.Single(targets.Attainment, a => a.Key == Severity.Sev1).Value);
        Assert.Equal((0.85, 0.3), (targets.MaxOccupancy, targets.Shrinkage));
        Assert.False(Parse(With("days: 2", "days: 2\nserviceLevels: { Sev1: { acknowledgeMinutes: 10, resolveMinutes: 180 } }")).StaffingTargets!.HasGoals);
        Assert.Null(Parse(Yaml).StaffingTargets);
    }

    [Fact]
    public void The_documented_example_loads_with_every_field()
    {
        var scenario = ScenarioLoader.Parse(DocumentedExample(), "docs/scenarios.md");

        Assert.Equal("example-week", scenario.Name);
        Assert.StartsWith("A July week on the follow-the-sun desks", scenario.Description, StringComparison.Ordinal);
        Assert.Equal((Utc(7, 13), 7.0, 42), (scenario.Start, scenario.Days, scenario.Seed));

        var arrivals = scenario.Arrivals;
        Assert.Equal((4.0, 0.6), (arrivals.IncidentsPerHour, arrivals.WeekendFactor));
        Assert.Equal(new BusyHours("America/New_York", new TimeOnly(9, 0), new TimeOnly(17, 0), 1.8), arrivals.BusyHours);
        Assert.Equal(new LoadSpike(Utc(7, 15, 14), Utc(7, 15, 16), 10), Assert.Single(arrivals.Spikes));
        Assert.Equal(new BurstPolicy(0.2, 6, 20), arrivals.Bursts);

        Assert.Equal(["us", "my"], scenario.Desks.Select(d => d.Id));
        var my = scenario.Desks[1];
        Assert.Equal(("Malaysian desk (Kuala Lumpur)", "Asia/Kuala_Lumpur", 4, 3.0), (my.Name, my.TimeZone, my.Engineers, my.ReviewMinutesPerItem));
        Assert.Equal(new StaffCost(38, 0.25, 0.5), my.Cost);

        Assert.Equal(new HandoffPolicy(60, 0.1, 0.6, 15, 30, 10), scenario.Handoff);
        Assert.Equal(
            new ScriptedIncident(Utc(7, 14, 23, 30), IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-a", 180, "Xid 79 across rack 4"),
            Assert.Single(scenario.Incidents));
        Assert.Equal(new DeskOutage("my", Utc(7, 15, 3), Utc(7, 15, 7)), Assert.Single(scenario.Outages));

        Assert.Equal(["us-only-24x7", "follow-the-sun"], scenario.Compare.Select(t => t.Name));
        Assert.Equal(["08:00-20:00", "20:00-08:00"], Assert.Single(scenario.Compare[0].Desks).Shifts);
        Assert.Equivalent(scenario.Desks, scenario.Compare[1].Desks, strict: true);
    }

    [Fact]
    public void Load_reads_the_file_and_names_it_in_problems()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, With("days: 2", "days: -1"));
        try
        {
            var problem = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

            Assert.Equal([$"{path}:4:1: days: '-1' is out of range (must be greater than 0 and at most 366)"], problem.Problems);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string DocumentedExample()
    {
        var docs = File.ReadAllText(Path.Combine(ScenarioCatalogue.DefaultFolder, "..", "docs", "scenarios.md"));
        const string fence = "```yaml\n";
        var start = docs.IndexOf(fence, StringComparison.Ordinal) + fence.Length;
        return docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
