using Malaysia.Ops.Contracts;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.History;

public class PagerDutyImportSpecs
{
    private static IncidentHistory Import(string text, ImportOptions? options = null, bool bom = false) =>
        HistoryImport.Text(text, "incidents.csv", HistoryFormat.PagerDuty, options, bom);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Services_and_urgencies_map_to_the_catalogue_and_work_is_time_to_resolve(bool bom)
    {
        var incidents = Import(TestExports.PagerDuty, bom: bom).Incidents;

        Assert.Equal(
            [
                ("101", DateTimeOffset.Parse("2026-03-02T19:05:09Z"), IncidentType.GpuNodeFailure, Severity.Sev1, (double?)60),
                ("102", DateTimeOffset.Parse("2026-03-02T20:00:00Z"), IncidentType.DataPipelineLag, Severity.Sev3, 30),
                ("103", DateTimeOffset.Parse("2026-03-03T01:00:00Z"), IncidentType.SecurityAlert, Severity.Sev1, null),
            ],
            incidents.Select(i => (i.Id, i.RaisedAt, i.Type, i.Severity, i.WorkMinutes)));
    }

    [Fact]
    public void Descriptions_are_dropped_unless_asked_to_keep_them()
    {
        Assert.All(Import(TestExports.PagerDuty).Incidents, i => Assert.Null(i.Text));
        Assert.Equal(
            "Node kul-gpu-a-17 fell off the bus, see \"Xid 79\"",
            Import(TestExports.PagerDuty, new ImportOptions(KeepText: true)).Incidents[0].Text);
    }

    [Fact]
    public void Every_problem_in_the_file_is_reported_at_once_and_nothing_is_imported()
    {
        var broken = TestExports.PagerDuty
            .Replace("2026-03-02T14:05:09-05:00", "2026-02-30T10:00:00Z", StringComparison.Ordinal)
            .Replace(",3600,", ",-5,", StringComparison.Ordinal)
            .Replace("2026-03-02T20:30:00Z", "2026-03-02T19:30:00Z", StringComparison.Ordinal)
            .Replace(",billing,high,", ",billing,,", StringComparison.Ordinal);

        var problems = HistoryImport.Problems(broken, "incidents.csv", HistoryFormat.PagerDuty);

        Assert.Equal(
            [
                "incidents.csv:2: created_on: '2026-02-30T10:00:00Z' is not a date",
                "incidents.csv:2: seconds_to_resolve: '-5' is negative",
                "incidents.csv:3: resolved_on: '2026-03-02T19:30:00Z' is before created_on '2026-03-02T20:00:00Z'",
                "incidents.csv:5: urgency: is empty",
            ],
            problems);
    }

    [Fact]
    public void A_file_without_the_columns_it_needs_says_which_are_missing()
    {
        var problems = HistoryImport.Problems("incident_number,created_on\n1,2026-03-02T20:00:00Z\n", "incidents.csv", HistoryFormat.PagerDuty);

        Assert.Equal(["incidents.csv:1: header: missing columns 'urgency', 'service_name'"], problems);
    }

    [Fact]
    public void A_record_with_the_wrong_number_of_fields_is_reported()
    {
        var problems = HistoryImport.Problems(TestExports.PagerDuty + "\nPX4,104\n", "incidents.csv", HistoryFormat.PagerDuty);

        Assert.Equal(["incidents.csv:6: record: has 2 fields, the header 13"], problems);
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        Assert.Equal(
            ["incidents.csv:1: header: the file is empty (expected a header line naming the columns)"],
            HistoryImport.Problems(string.Empty, "incidents.csv", HistoryFormat.PagerDuty));
    }
}
