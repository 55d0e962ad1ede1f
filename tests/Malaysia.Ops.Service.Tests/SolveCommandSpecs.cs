using System.Text.Json;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator.CommandLine;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The simulator's solve command: bad input gets one line and exit code 2 before any
/// simulation; a solve writes its staffing into report.json and report.html.</summary>
public sealed class SolveCommandSpecs : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("solve-command-").FullName;

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var commandLine = new SimulatorCommandLine((_, _) => throw new InvalidOperationException("solve does not run a scenario"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await commandLine.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static TheoryData<string[], string> BadInput { get; } = new()
    {
        { ["solve", "--replications", "1"], "error: --replications: 1 gives no interval; the solver needs at least 2" },
        { ["solve", "--replications", "0"], "error: --replications: 0 is out of range (more than 0, at most 1000)" },
        { ["solve", "--replications", "many"], "error: --replications: 'many' is not a whole number" },
        { ["solve", "--days", "0"], "error: --days: 0 is out of range (more than 0, at most 366)" },
        { ["solve", "--seed"], "error: --seed: needs a value" },
        { ["solve", "--engineers", "4"], "error: --engineers: unknown option (see --help)" },
        {
            ["solve", "--scenario", "three-desks"],
            "error: three-desks: its serviceLevels give no attainment to solve for (e.g. Sev1: { acknowledgeMinutes: 15, resolveMinutes: 240, attainment: 0.95 }; see docs/staffing.md)"
        },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_one_line_and_exit_code_2(string[] args, string expected)
    {
        var (exitCode, output, error) = await InvokeAsync(args);

        Assert.Equal((2, expected), (exitCode, error.TrimEnd()));
        Assert.DoesNotContain("Solving", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_the_work_alone_misses_is_refused_before_simulating()
    {
        // Sev1 work averages 120 minutes: 13.5% of it alone outlasts a 240-minute target.
        var path = Scenario("Sev1: { acknowledgeMinutes: 15, resolveMinutes: 240, attainment: 0.75 }", "Sev1: { acknowledgeMinutes: 15, resolveMinutes: 240, attainment: 0.95 }");

        var (exitCode, output, error) = await InvokeAsync("solve", "--scenario", path);

        Assert.Equal(
            (2, "error: july-week: serviceLevels.Sev1: resolving 95% within 240 min is out of reach: its work alone (120 min on average, exponential) takes longer in 13.5% of cases"),
            (exitCode, error.TrimEnd()));
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_solve_writes_its_staffing_into_the_report()
    {
        var reports = Path.Combine(folder, "report");

        var (exitCode, output, error) = await InvokeAsync("solve", "--scenario", "july-week", "--days", "2", "--replications", "4", "--report", reports);

        Assert.True(exitCode == 0, error);
        Assert.Contains("cost per day: ", output, StringComparison.Ordinal);
        Assert.Contains("resolved in time Sev3 ≥ 95%", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "report.json")));
        var staffing = json.RootElement.GetProperty("staffing");
        Assert.Equal(4, staffing.GetProperty("replications").GetInt32());
        Assert.Equal(["us", "my"], staffing.GetProperty("shifts").EnumerateArray().Select(s => s.GetProperty("deskId").GetString()));
        Assert.Equal(6, staffing.GetProperty("goals").GetArrayLength());
        Assert.Equal(4, json.RootElement.GetProperty("replications").GetProperty("count").GetInt32());
        Assert.Contains("id=\"staffing\"", await File.ReadAllTextAsync(Path.Combine(reports, "report.html")), StringComparison.Ordinal);
    }

    /// <summary>july-week with one line of it replaced, written to the test's folder.</summary>
    private string Scenario(string line, string replacement)
    {
        var text = File.ReadAllText(ScenarioCatalogue.Resolve("july-week", ScenarioCatalogue.DefaultFolder));
        Assert.Contains(line, text, StringComparison.Ordinal);
        var path = Path.Combine(folder, "july-week.yaml");
        File.WriteAllText(path, text.Replace(line, replacement, StringComparison.Ordinal));
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
