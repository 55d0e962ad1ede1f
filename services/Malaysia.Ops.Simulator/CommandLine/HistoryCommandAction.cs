using System.CommandLine;
using System.CommandLine.Invocation;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.Scenarios.History;
using Malaysia.Ops.ServiceDefaults.Hosting;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>Runs `import` or `calibrate`: an export or mapping with problems gets each problem
/// on one line of the error output and exit code 2.</summary>
internal sealed class HistoryCommandAction(Func<ParseResult, TextWriter, TextWriter, int> work) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return work(parseResult, output, error);
        }
        catch (HistoryException e)
        {
            return Problems(error, e.Problems);
        }
        catch (ScenarioException e)
        {
            return Problems(error, e.Problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Problems(error, [e.Message]);
        }
    }

    private static int Problems(TextWriter error, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            error.WriteLine($"error: {problem}");
        }

        return OpsHost.ExitConfiguration;
    }
}
