using Malaysia.Ops.Scenarios;
using Malaysia.Ops.ServiceDefaults.Hosting;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>How a simulation that stopped short ends: a bad scenario or setting with each
/// problem on one line and exit code 2, an interruption with 130, a failed service with 1.</summary>
internal static class RunFailures
{
    public static async Task<int> ExitCodeAsync(Func<Task<int>> work, TextWriter error)
    {
        try
        {
            return await work();
        }
        catch (ScenarioException e)
        {
            return await ProblemsAsync(error, e.Problems);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Run interrupted.");
            return 130;
        }
        catch (SimulationFailedException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return OpsHost.ExitFailure;
        }
        catch (Exception e) when (OpsHost.Describe(e) is { } problems)
        {
            return await ProblemsAsync(error, problems);
        }
    }

    private static async Task<int> ProblemsAsync(TextWriter error, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"error: {problem}");
        }

        return OpsHost.ExitConfiguration;
    }
}
