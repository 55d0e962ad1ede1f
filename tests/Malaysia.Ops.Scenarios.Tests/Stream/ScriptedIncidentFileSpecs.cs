using Malaysia.Ops.Contracts;
using static Malaysia.Ops.Scenarios.Tests.TestScenario;

namespace Malaysia.Ops.Scenarios.Tests.Stream;

public class ScriptedIncidentFileSpecs
{
    private static string Scenario(string file = "scripted.csv") => With("outages:", $"incidentsFile: {file}\noutages:");

    [Fact]
    public void Scripted_incidents_come_from_a_csv_file_beside_the_scenario_after_those_in_it()
    {
        using var folder = new ScenarioFolder(Scenario(), ("scripted.csv", """
            at,type,severity,cluster,work_minutes,summary
            2026-07-13T01:00:00Z,ModelDrift,Sev3,iad-inference-1,25,"Drift, again"
            2026-07-14T10:30:00+02:00,gpunodefailure,sev2,kul-gpu-b,90.5,
            """));

        var incidents = ScenarioLoader.Load(folder.ScenarioPath).Incidents;

        Assert.Equal(
            [
                (new DateTimeOffset(2026, 7, 13, 23, 30, 0, TimeSpan.Zero), IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-a", 180.0, "GpuNodeFailure on kul-gpu-a"),
                (new DateTimeOffset(2026, 7, 13, 1, 0, 0, TimeSpan.Zero), IncidentType.ModelDrift, Severity.Sev3, "iad-inference-1", 25.0, "Drift, again"),
                (new DateTimeOffset(2026, 7, 14, 8, 30, 0, TimeSpan.Zero), IncidentType.GpuNodeFailure, Severity.Sev2, "kul-gpu-b", 90.5, "GpuNodeFailure on kul-gpu-b"),
            ],
            incidents.Select(i => (i.At, i.Type, i.Severity, i.Cluster, i.WorkMinutes, i.Summary)));
        Assert.All(incidents, i => Assert.False(i.DrawsWork));
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_at_the_field_that_names_it()
    {
        using var folder = new ScenarioFolder(Scenario(), ("scripted.csv", """
            at,type,severity,cluster,work_minutes
            2026-07-13T01:00:00Z,ModelDrift,Sev9,iad-inference-1,25
            2026-07-20T01:00:00Z,ModelDrift,Sev3,iad-inference-1,0
            """));

        var problems = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(folder.ScenarioPath)).Problems;

        var at = $"{folder.ScenarioPath}:17:1: incidentsFile";
        Assert.Equal(
            [
                $"{at}: scripted.csv:2: severity: 'Sev9' is not a severity (expected one of: Sev1, Sev2, Sev3, Sev4)",
                $"{at}: scripted.csv:3: work_minutes: 0 is out of range (must be greater than 0 and at most 10080)",
                $"{at}: scripted.csv:3: at: '2026-07-20T01:00:00Z' is outside the run (from 2026-07-13T00:00:00Z, before 2026-07-15T00:00:00Z)",
            ],
            problems);
    }

    [Fact]
    public void A_missing_file_or_column_is_named()
    {
        using var missing = new ScenarioFolder(Scenario("nowhere.csv"));
        using var noCluster = new ScenarioFolder(Scenario(), ("scripted.csv", "at,type,severity,work_minutes\n"));

        var problem = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(missing.ScenarioPath)).Problems);
        Assert.EndsWith($"incidentsFile: {Path.Combine(missing.Path, "nowhere.csv")}: no such file", problem);
        Assert.EndsWith(
            "incidentsFile: scripted.csv:1: header: missing column 'cluster'",
            Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(noCluster.ScenarioPath)).Problems));
    }
}
