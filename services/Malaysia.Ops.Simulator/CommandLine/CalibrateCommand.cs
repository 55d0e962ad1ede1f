using System.CommandLine;
using Malaysia.Ops.Scenarios.Calibration;
using Malaysia.Ops.ServiceDefaults.Hosting;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>`calibrate`: reads an export and writes a scenario calibrated from it, with a printed
/// summary and optionally an HTML page of the fit.</summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var options = new HistoryOptions();
        var zone = OptionValue.Text("--time-zone", "ZONE", "the IANA time zone whose hours of the week the arrivals are counted in (default UTC)");
        var output = OptionValue.Text("--out", "PATH", "where the scenario goes (default: the export's name with .scenario.yaml)");
        var page = OptionValue.Text("--html", "PATH", "also write an HTML page: arrivals by hour of the week, work-time histograms against the fit");
        var name = OptionValue.Text("--name", "NAME", "the scenario's name (default calibrated)");
        var command = new Command("calibrate", "calibrate a scenario from an incident export") { zone, output, page, name };
        options.AddTo(command);
        command.Action = new HistoryCommandAction((result, console, error) =>
        {
            var zoneId = result.GetValue(zone) ?? "UTC";
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var timeZone))
            {
                error.WriteLine($"error: --time-zone: '{zoneId}' is not a known IANA time zone");
                return OpsHost.ExitConfiguration;
            }

            var scenarioName = result.GetValue(name) ?? "calibrated";
            if (!scenarioName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || scenarioName.Length == 0)
            {
                error.WriteLine($"error: --name: '{scenarioName}' is not a valid name (letters, digits and '-' only)");
                return OpsHost.ExitConfiguration;
            }

            var (history, took) = options.Import(result, error);
            var calibration = Calibrator.Calibrate(history, timeZone);
            var scenarioPath = result.GetValue(output) ?? Path.ChangeExtension(options.Export(result), ".scenario.yaml");
            File.WriteAllText(scenarioPath, CalibratedScenarioWriter.Write(calibration, scenarioName));
            console.Write(CalibrationSummary.Write(calibration));
            console.WriteLine($"Scenario: {scenarioPath} (imported in {took.TotalSeconds:F1} s)");
            if (result.GetValue(page) is { } pagePath)
            {
                File.WriteAllText(pagePath, CalibrationPage.Render(calibration));
                console.WriteLine($"Page: {pagePath}");
            }

            return 0;
        });
        return command;
    }
}
