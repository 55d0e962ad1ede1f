using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.CommandLine;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The simulator's command line: its commands, help, response files and one-line
/// errors, with a stand-in for the run that records the settings it was given.</summary>
public sealed class SimulatorCommandLineSpecs
{
    private sealed record Invocation(int ExitCode, string Output, string Error, SimulatorSettings? Ran);

    private static async Task<Invocation> InvokeAsync(params string[] args)
    {
        SimulatorSettings? ran = null;
        var commandLine = new SimulatorCommandLine((settings, _) =>
        {
            ran = settings;
            return Task.FromResult(0);
        });
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await commandLine.InvokeAsync(args, output, error, CancellationToken.None);

        return new(exitCode, output.ToString(), error.ToString(), ran);
    }

    private static async Task<SimulatorSettings> SettingsAsync(params string[] args)
    {
        var invocation = await InvokeAsync(args);

        Assert.True(invocation.ExitCode == 0, invocation.Error);
        return Assert.IsType<SimulatorSettings>(invocation.Ran);
    }

    /// <summary>The error alone, on one line, with the exit code of a bad option and no run.</summary>
    private static async Task<string> ErrorAsync(params string[] args)
    {
        var invocation = await InvokeAsync(args);

        Assert.Equal(2, invocation.ExitCode);
        Assert.Null(invocation.Ran);
        Assert.Equal(string.Empty, invocation.Output);
        var line = Assert.Single(invocation.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        return line["error: ".Length..];
    }

    [Fact]
    public async Task No_options_run_the_July_week_with_its_report_and_comparison_in_virtual_time()
    {
        var settings = await SettingsAsync();

        Assert.Equal(SimulatorSettings.Default, settings);
        Assert.Equal("july-week", settings.Scenario);
        Assert.True(settings is { VirtualTime: true, WriteReport: true, Compare: true });
        Assert.Equal(SimulatorSettings.Default, await SettingsAsync("run"));
    }

    [Theory]
    [InlineData("--scenario", "january-week", "--days", "2", "--speed", "86400", "--seed", "7", "--rate-multiplier", "2.5", "--start", "2026-01-19T00:00:00Z", "--engineers", "5", "--no-compare")]
    [InlineData("--scenario", "scenarios/mine.yaml", "--report", "out", "--no-report", "--snapshot", "ledger.json", "--trace-file", "spans.jsonl", "--verbose")]
    public async Task Options_override_the_scenario_with_the_word_run_or_without(params string[] args)
    {
        var settings = await SettingsAsync(args);

        Assert.NotEqual(SimulatorSettings.Default, settings);
        Assert.Equal(settings, await SettingsAsync(["run", .. args]));
    }

    [Fact]
    public async Task Options_become_the_settings_they_name()
    {
        var settings = await SettingsAsync("--scenario", "january-week", "--days", "2", "--speed", "86400", "--seed", "7", "--rate-multiplier", "2.5", "--start", "2026-01-19T00:00:00Z", "--engineers", "5", "--no-compare", "--report", "out", "--snapshot", "ledger.json", "--trace-file", "spans.jsonl", "--verbose", "--no-report");

        Assert.Equal(
            new SimulatorSettings("january-week", Days: 2, Seed: 7, Speed: 86400, RateMultiplier: 2.5, Start: new DateTimeOffset(2026, 1, 19, 0, 0, 0, TimeSpan.Zero), Engineers: 5, ReportFolder: "out", WriteReport: false, Compare: false, SnapshotPath: "ledger.json", TraceFile: "spans.jsonl", Verbose: true),
            settings);
    }

    [Fact]
    public async Task An_option_given_twice_takes_its_last_value()
    {
        var settings = await SettingsAsync("--days", "1", "--seed", "3", "--days", "2");

        Assert.Equal(2, settings.Days);
        Assert.Equal(3, settings.Seed);
    }

    [Fact]
    public async Task A_response_file_gives_options_that_later_options_override()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, ["# a short January run", "--scenario january-week", "--days 2", "--report \"my reports\""]);

            var settings = await SettingsAsync($"@{file}", "--days", "3");

            Assert.Equal(SimulatorSettings.Default with { Scenario = "january-week", Days = 3, ReportFolder = "my reports" }, settings);
            Assert.Equal(settings, await SettingsAsync("run", $"@{file}", "--days", "3"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_response_file_is_named()
    {
        var error = await ErrorAsync("@no-such-file.rsp");

        Assert.Contains("no-such-file.rsp", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("--list")]
    [InlineData("--scenario", "january-week", "--list")]
    [InlineData("--list", "--days", "3")]
    [InlineData("run", "--list")]
    public async Task The_list_command_and_the_list_option_list_the_scenarios_without_a_run(params string[] args)
    {
        var invocation = await InvokeAsync(args);

        Assert.Equal(0, invocation.ExitCode);
        Assert.Null(invocation.Ran);
        Assert.Contains("july-week", invocation.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("scenarios", "january-week.yaml"), invocation.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_names_the_commands_the_options_and_response_files(string help)
    {
        var invocation = await InvokeAsync(help);

        Assert.Equal(0, invocation.ExitCode);
        Assert.Null(invocation.Ran);
        Assert.Equal(string.Empty, invocation.Error);
        Assert.All(["run", "list", "--scenario", "--load-spike-seconds", "--no-report", "@FILE", "Exit code"], text => Assert.Contains(text, invocation.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_command_has_help_of_its_own()
    {
        var run = await InvokeAsync("run", "--help");
        var list = await InvokeAsync("list", "-h");

        Assert.True(run is { ExitCode: 0, Ran: null });
        Assert.Contains("--days <N>", run.Output, StringComparison.Ordinal);
        Assert.True(list is { ExitCode: 0, Ran: null });
        Assert.Contains("scenarios", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--days", list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--days", "0", "--days: 0 is out of range (more than 0, at most 366)")]
    [InlineData("--days", "367", "--days: 367 is out of range (more than 0, at most 366)")]
    [InlineData("--start", "9999-12-30T00:00:00Z", "--start: 9999-12-30T00:00:00Z is out of range (must be in the years 1970 to 3000)")]
    [InlineData("--start", "1969-12-31T23:00:00Z", "--start: 1969-12-31T23:00:00Z is out of range (must be in the years 1970 to 3000)")]
    [InlineData("--speed", "-1", "--speed: -1 is out of range (more than 0, at most 1000000)")]
    [InlineData("--engineers", "0", "--engineers: 0 is out of range (more than 0, at most 1000)")]
    [InlineData("--rate-multiplier", "lots", "--rate-multiplier: 'lots' is not a number")]
    [InlineData("--days", "NaN", "--days: 'NaN' is not a number")]
    [InlineData("--seed", "1.5", "--seed: '1.5' is not a whole number")]
    [InlineData("--start", "yesterday", "--start: 'yesterday' is not an instant (e.g. 2026-07-13T00:00:00Z)")]
    [InlineData("--colour", "red", "--colour: unknown option (see --help)")]
    [InlineData("--days", "lots", "--days: 'lots' is not a number")]
    public async Task A_bad_option_is_named_on_one_line_with_exit_code_2(string option, string value, string expected)
    {
        Assert.Equal(expected, await ErrorAsync(option, value));
        Assert.Equal(expected, await ErrorAsync("run", option, value));
    }

    [Fact]
    public async Task A_simulated_year_is_a_run_the_command_line_takes()
    {
        Assert.Equal(366, (await SettingsAsync("--days", "366")).Days);
        Assert.Equal(365, (await SettingsAsync("--days", "365")).Days);
    }

    [Fact]
    public async Task A_snapshot_into_a_folder_that_does_not_exist_is_refused_before_the_run()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}");
        var snapshot = Path.Combine(missing, "ledger.json");

        Assert.Equal($"--snapshot: {snapshot}: no such folder as {missing}", await ErrorAsync("--snapshot", snapshot));
        Assert.Equal($"--trace-file: {snapshot}: no such folder as {missing}", await ErrorAsync("--trace-file", snapshot));
    }

    [Fact]
    public async Task A_snapshot_onto_a_folder_is_refused_before_the_run()
    {
        var folder = Directory.CreateTempSubdirectory("snapshot-").FullName;
        try
        {
            Assert.Equal($"--snapshot: {folder} is a folder; give a file's path", await ErrorAsync("--snapshot", folder));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public async Task A_report_folder_that_is_a_file_is_refused_before_the_run()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal($"--report: {file} is a file, not a folder", await ErrorAsync("--report", file));
            Assert.Equal($"--report: {file} is a file, not a folder", await ErrorAsync("--report", Path.Combine(file, "week")));

            // No report is written: the folder does not matter.
            Assert.Equal(file, (await SettingsAsync("--report", file, "--no-report")).ReportFolder);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_snapshot_in_the_current_folder_and_a_report_folder_still_to_be_made_are_taken()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"reports-{Guid.NewGuid():N}", "july");

        var settings = await SettingsAsync("--snapshot", "ledger.json", "--report", missing);

        Assert.Equal("ledger.json", settings.SnapshotPath);
        Assert.Equal(missing, settings.ReportFolder);
    }

    [Theory]
    [InlineData("--days")]
    [InlineData("--days", "--seed", "3")]
    [InlineData("run", "--days")]
    [InlineData("--days", "--no-report")]
    public async Task An_option_without_its_value_is_named(params string[] args)
    {
        Assert.Equal("--days: needs a value", await ErrorAsync(args));
    }

    [Theory]
    [InlineData("run", "foo")]
    [InlineData("optimise")]
    [InlineData("list", "--days", "3")]
    public async Task A_word_no_command_takes_is_named(params string[] args)
    {
        Assert.EndsWith(": unknown option (see --help)", await ErrorAsync(args), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_load_on_the_command_line_becomes_the_workload_s_load_settings()
    {
        var settings = await SettingsAsync("--speed", "60", "--load-rate", "200", "--load-shape", "ramp", "--load-peak", "400", "--load-seconds", "30");

        Assert.NotNull(settings.Load);
        Assert.Equal(new LoadProfile(LoadShape.Ramp, 200, 400, TimeSpan.FromSeconds(30)), settings.Load.ToProfile());
        Assert.Equal(60, (await SettingsAsync("--speed", "60", "--load-rate", "5")).Load!.Seconds);
        Assert.Null((await SettingsAsync("--speed", "60")).Load);
    }

    [Theory]
    [InlineData(new[] { "--bus", "masstransit" }, SimulatorBus.MassTransit)]
    [InlineData(new[] { "run", "--bus", "Direct" }, SimulatorBus.Direct)]
    public async Task The_bus_is_an_option(string[] args, SimulatorBus expected) =>
        Assert.Equal(expected, (await SettingsAsync(args)).Bus);

    [Theory]
    [InlineData(new[] { "--bus", "rabbit" }, "--bus: 'rabbit' is not a bus (direct or masstransit)")]
    [InlineData(new[] { "--bus", "direct", "--speed", "60" }, "--bus direct: runs in virtual time without spans; drop --speed and --trace-file, or use --bus masstransit")]
    [InlineData(new[] { "--trace-file", "t.jsonl", "--bus", "direct" }, "--bus direct: runs in virtual time without spans; drop --speed and --trace-file, or use --bus masstransit")]
    public async Task A_bus_that_cannot_run_is_named(string[] args, string expected) =>
        Assert.Equal(expected, await ErrorAsync(args));

    [Theory]
    [InlineData(new[] { "--load-rate", "200" }, "--load-rate: a load in wall time needs a run on the wall clock; add --speed (e.g. --speed 60)")]
    [InlineData(new[] { "--speed", "60", "--load-shape", "wave" }, "--load-shape: 'wave' is not a load shape (constant, ramp or spike)")]
    [InlineData(new[] { "--speed", "60", "--load-rate", "-3" }, "--load-rate: -3 is out of range (0 or more)")]
    [InlineData(new[] { "--speed", "60", "--load-rate", "5", "--load-seconds", "0" }, "--load-seconds: 0 is out of range (more than 0, at most 86400)")]
    [InlineData(new[] { "--speed", "60", "--load-rate", "5", "--load-peak", "-1" }, "--load-peak: -1 is out of range (0 or more)")]
    [InlineData(new[] { "--speed", "60", "--load-rate", "5", "--load-spike-at", "-1" }, "--load-spike-at: -1 is out of range (0 or more)")]
    [InlineData(new[] { "--speed", "60", "--load-rate", "5", "--load-spike-seconds", "-1" }, "--load-spike-seconds: -1 is out of range (more than 0, at most 86400)")]
    [InlineData(new[] { "--speed", "60", "--load-rate", "10", "--load-shape", "spike", "--load-peak", "50", "--load-spike-at", "90" }, "--load-*: Workload:Load:SpikeAtSeconds/SpikeSeconds: a spike at 90 s for 0 s does not fall within the run of 60 s")]
    public async Task A_bad_load_is_named(string[] args, string expected)
    {
        Assert.StartsWith(expected, await ErrorAsync(args), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_s_exit_code_is_the_simulator_s()
    {
        var commandLine = new SimulatorCommandLine((_, _) => Task.FromResult(1));

        Assert.Equal(1, await commandLine.InvokeAsync(["--days", "1"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }
}
