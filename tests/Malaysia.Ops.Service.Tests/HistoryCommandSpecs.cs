using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator.CommandLine;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The simulator's import and calibrate commands on the shipped synthetic samples.</summary>
public sealed class HistoryCommandSpecs : IDisposable
{
    private static readonly string Samples = Path.Combine(Path.GetDirectoryName(ScenarioCatalogue.DefaultFolder)!, "samples");
    private readonly string folder = Directory.CreateTempSubdirectory("history-commands-").FullName;

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var commandLine = new SimulatorCommandLine((_, _) => Task.FromResult(0));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await commandLine.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_counts_the_incidents_of_an_export()
    {
        var (exitCode, output, _) = await InvokeAsync("import", Path.Combine(Samples, "pagerduty-incidents.csv"), "--mapping", Path.Combine(Samples, "mapping.yaml"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("pagerduty-incidents.csv: 235 incidents imported in ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_writes_a_scenario_that_loads_and_a_page()
    {
        var scenarioPath = Path.Combine(folder, "calibrated.yaml");
        var pagePath = Path.Combine(folder, "calibration.html");

        var (exitCode, output, error) = await InvokeAsync(
            "calibrate", Path.Combine(Samples, "opsgenie-alerts.json"), "--mapping", Path.Combine(Samples, "mapping.yaml"),
            "--time-zone", "America/New_York", "--out", scenarioPath, "--html", pagePath, "--name", "from-opsgenie");

        Assert.True(exitCode == 0, error);
        Assert.Contains("arrivals (America/New_York): base ", output, StringComparison.Ordinal);
        Assert.Equal("from-opsgenie", ScenarioLoader.Load(scenarioPath).Name);
        Assert.Contains("<svg", await File.ReadAllTextAsync(pagePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_with_problems_gets_each_on_one_line_and_exit_code_2()
    {
        var export = Path.Combine(folder, "incidents.csv");
        await File.WriteAllTextAsync(export, "incident_number,created_on,urgency,service_name\n1,2026-02-30T10:00:00Z,high,x\n2,2026-03-01T10:00:00Z,,x\n");

        var (exitCode, output, error) = await InvokeAsync("import", export);

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Equal(
            ["error: incidents.csv:2: created_on: '2026-02-30T10:00:00Z' is not a date", "error: incidents.csv:3: urgency: is empty"],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_before_reading_the_export()
    {
        var (exitCode, _, error) = await InvokeAsync("calibrate", "nowhere.csv", "--time-zone", "Mars/Olympus_Mons");

        Assert.Equal((2, "error: --time-zone: 'Mars/Olympus_Mons' is not a known IANA time zone"), (exitCode, error.Trim()));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
