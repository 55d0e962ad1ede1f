using System.CommandLine;
using Malaysia.Ops.Scenarios;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>`list` (or `--list`, as it always was): the checked-in scenarios, each with its
/// description and file.</summary>
internal static class ListCommand
{
    public static Command Create(string folder)
    {
        var command = new Command("list", "list the checked-in scenarios and stop (also --list)");
        command.Aliases.Add("--list");
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            foreach (var (name, path, description) in ScenarioCatalogue.List(folder))
            {
                output.WriteLine($"{name,-26} {description}");
                output.WriteLine($"{string.Empty,-26} {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
            }
        });
        return command;
    }
}
