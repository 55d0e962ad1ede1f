using Malaysia.Ops.Contracts;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.History;

public class GenericCsvImportSpecs
{
    [Fact]
    public void Types_services_and_severities_read_by_name_or_mapping()
    {
        var incidents = HistoryImport.Text(TestExports.Generic, "history.csv", HistoryFormat.Generic).Incidents;

        Assert.Equal(
            [
                (IncidentType.GpuNodeFailure, Severity.Sev1, (double?)90),
                (IncidentType.DataPipelineLag, Severity.Sev2, null),
                (IncidentType.ModelDrift, Severity.Sev4, 15.5),
            ],
            incidents.Select(i => (i.Type, i.Severity, i.WorkMinutes)));
    }

    [Fact]
    public void A_row_naming_neither_type_nor_service_is_reported()
    {
        var problems = HistoryImport.Problems(TestExports.Generic.Replace(",etl,", ",,", StringComparison.Ordinal), "history.csv", HistoryFormat.Generic);

        Assert.Equal(["history.csv:3: type: is empty, and so is service (one of them names the incident type)"], problems);
    }
}
