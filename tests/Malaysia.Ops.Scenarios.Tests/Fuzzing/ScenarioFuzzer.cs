using System.Text.RegularExpressions;

namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>
/// Loads one fuzz input from a file, as the simulator would, within the time and memory bounds
/// of <see cref="BoundedJudge"/>.
/// </summary>
internal sealed partial class ScenarioFuzzer(string folder, TimeSpan timeLimit, long allocationLimit)
{
    private int count;

    public FuzzOutcome Run(FuzzInput input)
    {
        var path = Path.Combine(folder, $"input-{++count}.yaml");
        File.WriteAllBytes(path, input.Bytes);
        var outcome = BoundedJudge.Run(input, timeLimit, allocationLimit, () => Judge(input, path));
        // A hung load may still hold its file, which is then left for the folder's clean-up.
        if (outcome.Failure?.StartsWith("still running", StringComparison.Ordinal) != true)
        {
            File.Delete(path);
        }

        return outcome;
    }

    private static FuzzOutcome Judge(FuzzInput input, string path)
    {
        try
        {
            var scenario = ScenarioLoader.Load(path);
            return LoadedScenarioCheck.Problem(scenario) is { } unfit
                ? new FuzzOutcome(input, FuzzVerdict.Failed, $"loaded but unfit: {unfit}")
                : new FuzzOutcome(input, FuzzVerdict.Loaded);
        }
        catch (ScenarioException ex)
        {
            var unclear = ex.Problems.FirstOrDefault(p => UnclearWhy(p, path) is not null);
            return unclear is null
                ? new FuzzOutcome(input, FuzzVerdict.Rejected)
                : new FuzzOutcome(input, FuzzVerdict.Failed, $"unclear problem ({UnclearWhy(unclear, path)}): {ProblemLine.Shorten(unclear)}");
        }
#pragma warning disable CA1031 // Any other exception is exactly what the fuzzing looks for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new FuzzOutcome(input, FuzzVerdict.Failed, $"{ex.GetType().Name}: {ProblemLine.Shorten(ex.Message)}");
        }
    }

    /// <summary>Why a problem is not one clear line naming the file and where in it; null if it is.</summary>
    private static string? UnclearWhy(string problem, string path)
    {
        if (ProblemLine.UnclearWhy(problem, path) is { } unclear)
        {
            return unclear;
        }

        if (!problem.StartsWith(path + ":", StringComparison.Ordinal))
        {
            return "does not name the file";
        }

        if (!FileLineColumnField().IsMatch(problem[path.Length..]))
        {
            return "no line, column and field";
        }

        return null;
    }

    [GeneratedRegex(@"^:\d+:\d+: \S.*?: .+$")]
    private static partial Regex FileLineColumnField();
}
