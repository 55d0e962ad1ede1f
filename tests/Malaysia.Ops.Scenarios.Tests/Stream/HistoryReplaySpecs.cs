using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Scenarios.History;
using static Malaysia.Ops.Scenarios.Tests.TestScenario;

namespace Malaysia.Ops.Scenarios.Tests.Stream;

/// <summary>
/// A scenario replaying a history: the samples are two days of the july-week stream, so the
/// run must raise exactly those incidents, each once, at their own instants.
/// </summary>
public class HistoryReplaySpecs
{
    public static TheoryData<string, string> Samples { get; } = new()
    {
        { "pagerduty-incidents.csv", "pagerduty" },
        { "opsgenie-alerts.json", "opsgenie" },
        { "generic-incidents.csv", "generic" },
    };

    private static string Replaying(string export, string format, string arrivals = "") =>
        With("arrivals:                                     # 5\n  incidentsPerHour: 4", $"""
            history:
              path: {Path.Combine(ScenarioFolder.Samples, export)}
              format: {format}
              mapping: {Path.Combine(ScenarioFolder.Samples, "mapping.yaml")}
            arrivals:
              workTimes: [{"{"} distribution: fixed, minutes: 33 {"}"}]{arrivals}
            """).Replace("incidents:                                    # 15\n  - { at: 2026-07-13T23:30:00Z, type: GpuNodeFailure, severity: Sev1, cluster: kul-gpu-a, workMinutes: 180 }  # 16\n", string.Empty, StringComparison.Ordinal);

    private static List<IncidentArrival> Run(Domain.Scenarios.Scenario scenario) =>
        new IncidentGenerator(IncidentCatalogue.Default, scenario.Seed, scenario.Start, scenario.Arrivals, scenario.Incidents)
            .Arrivals().TakeWhile(a => a.At < scenario.End).ToList();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_incident_of_the_export_is_raised_exactly_once(string export, string format)
    {
        var expected = HistoryImporter.Import(Path.Combine(ScenarioFolder.Samples, export), Enum.Parse<HistoryFormat>(format, ignoreCase: true), HistoryMappingLoader.Load(Path.Combine(ScenarioFolder.Samples, "mapping.yaml")));
        var scenario = Parse(Replaying(export, format));

        var raised = Run(scenario);

        Assert.False(scenario.Arrivals.RandomArrivals);
        Assert.Equal(expected.Incidents.Count / 48.0, scenario.Arrivals.IncidentsPerHour, 1e-9);
        Assert.Equal(expected.Incidents.Select(i => (i.RaisedAt, i.Type, i.Severity)), raised.Select(a => (a.At, a.Type, a.Severity)));
        Assert.Equal(raised.Count, raised.Select(a => a.IncidentId).Distinct().Count());
    }

    [Fact]
    public void Work_is_the_exports_where_it_has_one_and_drawn_from_the_scenarios_distribution_where_not()
    {
        var scenario = Replaying("export.csv", "generic")
            .Replace(Path.Combine(ScenarioFolder.Samples, "export.csv"), "export.csv", StringComparison.Ordinal);
        using var folder = new ScenarioFolder(scenario, ("export.csv", """
            raised_at,severity,type,work_minutes
            2026-07-13T01:00:00Z,Sev2,ModelDrift,12.5
            2026-07-13T02:00:00Z,Sev3,ModelDrift,
            2026-07-13T03:00:00Z,Sev3,GpuNodeFailure,0
            """));

        var loaded = ScenarioLoader.Load(folder.ScenarioPath);

        Assert.Equal([12.5, 33, 33], Run(loaded).Select(a => a.WorkMinutes));
        Assert.Equal([false, true, true], loaded.Incidents.Select(i => i.DrawsWork));
    }

    [Fact]
    public void A_history_written_as_a_path_alone_takes_the_format_by_its_extension_and_the_default_mapping()
    {
        var scenario = With("arrivals:                                     # 5\n  incidentsPerHour: 4", $"""
            history: {Path.Combine(ScenarioFolder.Samples, "opsgenie-alerts.json")}
            arrivals:
              workTimes: [{"{"} distribution: fixed, minutes: 33 {"}"}]
            """);
        var expected = HistoryImporter.Import(Path.Combine(ScenarioFolder.Samples, "opsgenie-alerts.json"), HistoryFormat.Opsgenie, HistoryMapping.Default);

        var loaded = Parse(scenario);

        Assert.Equal(
            expected.Incidents.Where(i => i.RaisedAt < loaded.End).Select(i => (i.RaisedAt, i.Type, i.Severity)),
            loaded.Incidents.Where(i => i.Summary.Contains("(export ", StringComparison.Ordinal)).Select(i => (i.At, i.Type, i.Severity)));
    }

    [Fact]
    public void A_rate_written_beside_the_history_adds_random_arrivals()
    {
        var scenario = Parse(Replaying("generic-incidents.csv", "generic", "\n  incidentsPerHour: 2"));

        Assert.True(scenario.Arrivals.RandomArrivals);
        Assert.True(Run(scenario).Count > scenario.Incidents.Count);
    }

    [Fact]
    public void A_history_outside_the_run_or_a_wrong_format_is_reported()
    {
        var outside = Replaying("generic-incidents.csv", "generic").Replace("start: 2026-07-13T00:00:00Z", "start: 2026-08-13T00:00:00Z", StringComparison.Ordinal);
        var wrongFormat = Replaying("generic-incidents.csv", "pagerduty");
        var unknownFormat = Replaying("generic-incidents.csv", "splunk");

        Assert.EndsWith(
            "history.path: no incident of the export falls inside the run (from 2026-08-13T00:00:00Z, before 2026-08-15T00:00:00Z); its incidents were raised from 2026-07-13T00:09:11Z to 2026-07-14T23:55:03Z",
            Assert.Single(ProblemsOf(outside)));
        Assert.Contains(ProblemsOf(wrongFormat), p => p.Contains("history.path: generic-incidents.csv:1: header: missing column", StringComparison.Ordinal));
        var unknown = ProblemsOf(unknownFormat);
        Assert.Contains("history.format: 'splunk' is not an export format (expected one of: PagerDuty, Opsgenie, Generic)", Assert.Single(unknown), StringComparison.Ordinal);
    }
}
