using System.CommandLine;
using System.CommandLine.Invocation;
using Malaysia.Ops.Scenarios;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>The simulator's command line: its commands, help (--help, -h, on each command),
/// response files (@FILE) and one-line errors with exit code 2.</summary>
public sealed class SimulatorCommandLine
{
    private const string Description = """
        Malaysia.Ops simulator: a follow-the-sun AI operations desk (US desk in New York,
        Malaysian desk in Kuala Lumpur, or any desks a scenario defines) run in one process on
        an in-memory bus, with a report of what the time-zone bridge cost.

        With no command it runs a scenario, as `run` does. Options can come from a file too:
        @FILE reads them from FILE (# starts a comment); an option given twice takes its last value.

        Exit code 0 when the run completed, 2 for a bad option or scenario file, 1 when a
        service of the run failed.
        """;

    private readonly RootCommand root = new(Description);

    /// <param name="run">Runs a scenario with settings that make sense; returns the exit code.</param>
    /// <param name="scenarioFolder">Where the scenarios that `list` lists are.</param>
    public SimulatorCommandLine(Func<SimulatorSettings, CancellationToken, Task<int>> run, string? scenarioFolder = null)
    {
        var folder = scenarioFolder ?? ScenarioCatalogue.DefaultFolder;
        var options = new RunOptions();
        var list = ListCommand.Option(folder);
        RunCommand.Configure(root, options, run);
        root.Add(list);

        var runCommand = new Command("run", RunCommand.Description);
        RunCommand.Configure(runCommand, options, run);
        runCommand.Add(list);
        root.Add(runCommand);
        root.Add(ListCommand.Create(folder));
        root.Add(ImportCommand.Create());
        root.Add(CalibrateCommand.Create());
        root.Add(SolveCommand.Create(folder));
    }

    /// <summary>Does what the command line asks; a command line that does not parse gets its
    /// first problem on one line of <paramref name="error"/> and exit code 2.</summary>
    public async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var result = root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            return await CommandLineError.WriteAsync(error, CommandLineError.Describe(result));
        }

        // The caller stops the run on Ctrl+C and says so; the parser must not end the process first.
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await result.InvokeAsync(invocation, cancellation);
    }
}
