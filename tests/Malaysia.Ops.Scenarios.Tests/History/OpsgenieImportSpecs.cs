using Malaysia.Ops.Contracts;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.History;

public class OpsgenieImportSpecs
{
    [Fact]
    public void Tags_and_priorities_map_to_the_catalogue_and_work_is_the_close_time()
    {
        var incidents = HistoryImport.Text(TestExports.Opsgenie, "alerts.json", HistoryFormat.Opsgenie).Incidents;

        Assert.Equal(
            [
                ("a3", DateTimeOffset.Parse("2026-03-02T17:00:00Z"), IncidentType.CheckpointStorageFull, Severity.Sev3, (double?)10),
                ("a1", DateTimeOffset.Parse("2026-03-02T19:05:09Z"), IncidentType.GpuNodeFailure, Severity.Sev1, 90),
                ("a2", DateTimeOffset.Parse("2026-03-02T20:00:00Z"), IncidentType.SecurityAlert, Severity.Sev4, null),
            ],
            incidents.Select(i => (i.Id, i.RaisedAt, i.Type, i.Severity, i.WorkMinutes)));
        Assert.All(incidents, i => Assert.Null(i.Text));
    }

    [Fact]
    public void A_plain_list_of_alerts_is_read_and_messages_kept_when_asked()
    {
        var list = TestExports.Opsgenie.Trim()[("{\"data\": ".Length)..^1];

        var incidents = HistoryImport.Text(list, "alerts.json", HistoryFormat.Opsgenie, new ImportOptions(KeepText: true)).Incidents;

        Assert.Equal(["GPU fell off the bus", "Lag", null], incidents.OrderBy(i => i.Id).Select(i => i.Text));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_by_its_json_path()
    {
        var broken = TestExports.Opsgenie
            .Replace("\"2026-03-02T20:00:00Z\"", "\"2026-02-30T10:00:00Z\"", StringComparison.Ordinal)
            .Replace("\"closeTime\": 600000", "\"closeTime\": -1", StringComparison.Ordinal)
            .Replace("\"id\": \"a1\", ", string.Empty, StringComparison.Ordinal);

        var problems = HistoryImport.Problems(broken, "alerts.json", HistoryFormat.Opsgenie);

        Assert.Equal(
            [
                "alerts.json: $.data[0].id: is missing",
                "alerts.json: $.data[1].createdAt: '2026-02-30T10:00:00Z' is not a date",
                "alerts.json: $.data[2].report.closeTime: -1 is negative: the alert closes before it is created",
            ],
            problems);
    }

    [Fact]
    public void Text_that_is_not_json_is_reported_in_one_line()
    {
        var problem = Assert.Single(HistoryImport.Problems("{\"data\": [", "alerts.json", HistoryFormat.Opsgenie));

        Assert.StartsWith("alerts.json: $: not JSON: ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "alerts.json: $: expected a list of alerts, found '42'")]
    [InlineData("{\"took\": 1}", "alerts.json: $: expected a list of alerts, found an object")]
    [InlineData("{\"data\": null}", "alerts.json: $.data: expected a list of alerts, found nothing")]
    [InlineData("{\"data\": {\"a\": [1]}, \"took\": 1}", "alerts.json: $.data: expected a list of alerts, found an object")]
    [InlineData("[{\"id\": \"a\", \"createdAt\": \"2026-03-02T17:00:00Z\", \"priority\": \"P1\"}, 7]", "alerts.json: $[1]: expected an alert, found '7'")]
    public void What_is_not_a_list_of_alerts_is_reported_by_its_json_path(string json, string expected)
    {
        Assert.Equal([expected], HistoryImport.Problems(json, "alerts.json", HistoryFormat.Opsgenie));
    }
}
