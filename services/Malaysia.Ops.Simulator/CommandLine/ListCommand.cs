using System.CommandLine;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>`list`: the checked-in scenarios. `--list` among a run's options does the same, so
/// a command line that listed with it still does.</summary>
internal static class ListCommand
{
    public static Command Create(string folder) => new("list", "list the checked-in scenarios and stop (also --list)")
    {
        Action = new ScenarioListAction(folder),
    };

    public static Option<bool> Option(string folder) => new("--list")
    {
        Description = "list the checked-in scenarios and stop, as the list command does",
        Hidden = true,
        Action = new ScenarioListAction(folder),
    };
}
