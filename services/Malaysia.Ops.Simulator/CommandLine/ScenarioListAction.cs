using System.CommandLine;
using System.CommandLine.Invocation;
using Malaysia.Ops.Scenarios;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>Lists the checked-in scenarios, each with its description and file.</summary>
internal sealed class ScenarioListAction(string folder) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        foreach (var (name, path, description) in ScenarioCatalogue.List(folder))
        {
            output.WriteLine($"{name,-26} {description}");
            output.WriteLine($"{string.Empty,-26} {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
        }

        return 0;
    }
}
