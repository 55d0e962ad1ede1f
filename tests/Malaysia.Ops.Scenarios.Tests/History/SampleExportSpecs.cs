using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Scenarios.Calibration;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.History;

/// <summary>
/// The samples under samples/ are what the project's own generator draws for the first two days
/// of the july-week scenario, written in each export format; they import with the sample mapping
/// and calibrate. Set WRITE_SAMPLES=1 to write them afresh.
/// </summary>
public class SampleExportSpecs
{
    private const double SampleDays = 2;

    private static string Folder => Path.Combine(Path.GetDirectoryName(ScenarioCatalogue.DefaultFolder)!, "samples");

    public static TheoryData<string, HistoryFormat> Samples { get; } = new()
    {
        { "pagerduty-incidents.csv", HistoryFormat.PagerDuty },
        { "opsgenie-alerts.json", HistoryFormat.Opsgenie },
        { "generic-incidents.csv", HistoryFormat.Generic },
    };

    // The CSV samples write instants to the second.
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));

    private static List<IncidentArrival> Arrivals()
    {
        var scenario = ScenarioLoader.Load(ScenarioCatalogue.Resolve("july-week", ScenarioCatalogue.DefaultFolder));
        var end = scenario.Start.AddDays(SampleDays);
        return new IncidentGenerator(IncidentCatalogue.Default, scenario.Seed, scenario.Start, scenario.Arrivals, [])
            .Arrivals().TakeWhile(a => a.At < end).ToList();
    }

    private static string Expected(string file) => file switch
    {
        "pagerduty-incidents.csv" => SyntheticExportWriter.Text(w => SyntheticExportWriter.PagerDutyCsv(Arrivals(), w)),
        "generic-incidents.csv" => SyntheticExportWriter.Text(w => SyntheticExportWriter.GenericCsv(Arrivals(), w)),
        "opsgenie-alerts.json" => SyntheticExportWriter.Json(Arrivals()),
        _ => SyntheticExportWriter.SampleMapping + "\n",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    [InlineData("mapping.yaml", HistoryFormat.Generic)]
    public void Each_sample_is_what_the_generator_writes(string file, HistoryFormat format)
    {
        _ = format;
        var path = Path.Combine(Folder, file);
        if (Environment.GetEnvironmentVariable("WRITE_SAMPLES") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, Expected(file));
        }

        Assert.Equal(Expected(file), File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_imports_every_generated_incident_and_calibrates(string file, HistoryFormat format)
    {
        var mapping = HistoryMappingLoader.Load(Path.Combine(Folder, "mapping.yaml"));

        var history = HistoryImporter.Import(Path.Combine(Folder, file), format, mapping);
        var calibration = Calibrator.Calibrate(history, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        var arrivals = Arrivals();
        Assert.Equal(arrivals.Select(a => (WholeSeconds(a.At), a.Type)), history.Incidents.Select(i => (WholeSeconds(i.RaisedAt), i.Type)));
        Assert.All(history.Incidents, i => Assert.NotNull(i.WorkMinutes));
        Assert.Equal(arrivals.Count, calibration.Incidents);
    }
}
