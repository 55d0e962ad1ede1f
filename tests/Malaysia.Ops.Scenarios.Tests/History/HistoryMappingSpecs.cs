using Malaysia.Ops.Contracts;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.History;

public class HistoryMappingSpecs
{
    [Fact]
    public void Names_map_in_any_case_and_anything_else_takes_the_unmapped_type_and_severity()
    {
        var mapping = HistoryImport.Mapping;

        Assert.Equal(IncidentType.GpuNodeFailure, mapping.TypeOf("GPU-Fleet"));
        Assert.Equal(IncidentType.ModelDrift, mapping.TypeOf("modeldrift"));
        Assert.Null(mapping.TypeOf("billing"));
        Assert.Equal((IncidentType.SecurityAlert, Severity.Sev4), (mapping.UnmappedType, mapping.SeverityOf("urgent")));
        Assert.Equal((Severity.Sev1, Severity.Sev3, Severity.Sev4), (mapping.SeverityOf("HIGH"), mapping.SeverityOf("low"), mapping.SeverityOf("P5")));
    }

    [Fact]
    public void Without_a_file_the_stated_defaults_apply()
    {
        var mapping = HistoryMappingLoader.Parse(string.Empty, "mapping.yaml");

        Assert.Equal((IncidentType.TrainingJobStalled, Severity.Sev3), (mapping.UnmappedType, mapping.SeverityOf("unheard-of")));
        Assert.Equal(Severity.Sev2, mapping.SeverityOf("high"));
    }

    [Fact]
    public void Every_mistake_in_a_mapping_file_is_reported_at_its_line()
    {
        var error = Assert.Throws<ScenarioException>(() => HistoryMappingLoader.Parse(
            "types:\n  gpu: GpuMeltdown\nseverities:\n  high: Sev9\nunmaped: {}\n",
            "mapping.yaml"));

        Assert.Equal(
            [
                "mapping.yaml:2:3: types.gpu: 'GpuMeltdown' is not an incident type (expected one of: GpuNodeFailure, TrainingJobStalled, CheckpointStorageFull, ModelDrift, InferenceLatencySloBreach, DataPipelineLag, DataCentrePowerAlarm, DataCentreCoolingAlarm, SecurityAlert)",
                "mapping.yaml:4:3: severities.high: 'Sev9' is not a severity (expected one of: Sev1, Sev2, Sev3, Sev4)",
                "mapping.yaml:5:1: unmaped: unknown field 'unmaped' (expected one of: types, severities, unmapped)",
            ],
            error.Problems);
    }
}
