using System.CommandLine;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>`solve`: the cheapest engineers per desk and shift meeting the scenario's service-level
/// targets with 95% confidence, from Erlang C's estimate checked by replicated simulation
/// (docs/staffing.md).</summary>
internal static class SolveCommand
{
    public const int DefaultReplications = 10;

    public static Command Create(string folder)
    {
        var scenario = OptionValue.Text("--scenario", "NAME|PATH", $"the scenario to staff: a name from the list command or a YAML file (default {SimulatorSettings.DefaultScenario}); its serviceLevels give the targets");
        var replications = OptionValue.WholeNumber("--replications", "N", $"replications simulated for each staffing tried, in parallel on every core (at least 2, default {DefaultReplications})");
        var days = OptionValue.Number("--days", "N", "override the scenario's simulated days");
        var seed = OptionValue.WholeNumber("--seed", "N", "override the seed of replication 0");
        var report = OptionValue.Text("--report", "DIR", "where report.json and report.html of the solved staffing go (default reports/<scenario>-staffing)");
        var noReport = new Option<bool>("--no-report") { Description = "write no report files" };
        var command = new Command("solve", "find the cheapest engineers per desk and shift meeting the scenario's service-level targets")
        {
            scenario, replications, days, seed, report, noReport,
        };
        command.SetAction((result, token) =>
        {
            var error = result.InvocationConfiguration.Error;
            var output = result.InvocationConfiguration.Output;
            var settings = new SimulatorSettings(
                Scenario: result.GetValue(scenario) ?? SimulatorSettings.DefaultScenario,
                Days: result.GetValue(days),
                Seed: result.GetValue(seed),
                ReportFolder: result.GetValue(report),
                WriteReport: !result.GetValue(noReport),
                Replications: result.GetValue(replications) ?? DefaultReplications);
            var problem = settings.Problems().FirstOrDefault()
                ?? (settings.Replications < 2 ? $"--replications: {settings.Replications} gives no interval; the solver needs at least 2" : null);
            if (problem is not null)
            {
                return CommandLineError.WriteAsync(error, problem);
            }

            return RunFailures.ExitCodeAsync(
                async () =>
                {
                    var loaded = ScenarioOverrides.Apply(ScenarioLoader.Load(ScenarioCatalogue.Resolve(settings.Scenario, folder)), settings);
                    var solved = new StaffingRunner(loaded, settings.Replications, output).Solve(token);
                    await output.WriteAsync(StaffingPrinter.Format(solved.Staffing!));
                    if (settings.WriteReport)
                    {
                        await ReportFiles.WriteAsync(solved, settings.ReportFolder ?? Path.Combine("reports", $"{loaded.Name}-staffing"), output);
                    }

                    return 0;
                },
                error);
        });
        return command;
    }
}
