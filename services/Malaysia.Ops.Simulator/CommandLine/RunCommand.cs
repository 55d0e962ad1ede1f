using System.CommandLine;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>`run`: a scenario with its overrides. The simulator with no command does the same,
/// with the same options, so a command line from before the commands still runs.</summary>
internal static class RunCommand
{
    public const string Description = "run a scenario (what the simulator does with no command)";

    /// <summary>Makes <paramref name="command"/> a run: its options, and an action that hands
    /// the settings to <paramref name="run"/> once they make sense.</summary>
    public static void Configure(Command command, RunOptions options, Func<SimulatorSettings, CancellationToken, Task<int>> run)
    {
        options.AddTo(command);
        command.SetAction((result, token) =>
        {
            var settings = options.Settings(result);
            return settings.Problems().FirstOrDefault() is { } problem
                ? CommandLineError.WriteAsync(result.InvocationConfiguration.Error, problem)
                : run(settings, token);
        });
    }
}
