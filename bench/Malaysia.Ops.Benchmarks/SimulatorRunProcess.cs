using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Simulator;

namespace Malaysia.Ops.Benchmarks;

/// <summary>Runs the default scenario for a number of days on the direct engine in a child
/// process of this program (command "simulator-run"), so its peak resident memory is that
/// run's alone; the wall time is measured inside it, after a short run (the process's start,
/// the JIT and assembly loading excluded).</summary>
public static class SimulatorRunProcess
{
    public const string Command = "simulator-run";
    private const string ResultPrefix = "result ";

    public sealed record Result(double Days, int Incidents, double WallSeconds, long PeakRssBytes);

    public static async Task<Result> RunAsync(double days)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true };

        // Under "dotnet program.dll" the process is the dotnet host: pass it the program.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SimulatorRunProcess).Assembly.Location);
        }

        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(days.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the benchmark's child process");
        Result? result = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<Result>(line[ResultPrefix.Length..]);
            }
        }

        await process.WaitForExitAsync();
        return result ?? throw new InvalidOperationException($"the {Command} child process ended with exit code {process.ExitCode} and no result");
    }

    /// <summary>The child's side: one run, then its figures on one line.</summary>
    public static async Task<int> ServeAsync(string daysText)
    {
        if (!double.TryParse(daysText, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) || days <= 0)
        {
            throw new ArgumentException($"{Command}: '{daysText}' is not a positive number of days");
        }

        var loaded = ScenarioLoader.Load(ScenarioCatalogue.Resolve(SimulatorSettings.DefaultScenario, ScenarioCatalogue.DefaultFolder));

        // A short run first, so start-up costs (JIT, assembly loading) do not count.
        var warmUp = ScenarioOverrides.Apply(loaded, SimulatorSettings.Default with { Days = 0.5 });
        await new SimulationRun(warmUp, warmUp.Desks, speed: null, TextWriter.Null, bus: SimulatorBus.Direct).RunAsync(CancellationToken.None);

        var scenario = ScenarioOverrides.Apply(loaded, SimulatorSettings.Default with { Days = days });
        var clock = Stopwatch.StartNew();
        var ledger = await new SimulationRun(scenario, scenario.Desks, speed: null, TextWriter.Null, bus: SimulatorBus.Direct).RunAsync(CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(new Result(days, ledger.Summary.IncidentsRaised, seconds, self.PeakWorkingSet64)));
        return 0;
    }
}
