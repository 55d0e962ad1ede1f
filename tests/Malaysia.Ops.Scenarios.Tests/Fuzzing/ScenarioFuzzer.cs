using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>
/// Loads one fuzz input from a file, as the simulator would, on a thread of its own, so that a
/// hang is reported (and left behind) instead of stopping the run, and the memory it allocated
/// can be measured. A stack overflow cannot be caught at all in .NET: it ends the test run, which
/// is itself the failure.
/// </summary>
internal sealed partial class ScenarioFuzzer(string folder, TimeSpan timeLimit, long allocationLimit)
{
    // Texts that only an exception escaping unexplained would put in a problem.
    private static readonly string[] RawExceptionTexts =
        ["Object reference not set", "   at ", "Exception:", "Index was outside", "Specified argument was out of the range", "Value cannot be null", "Arithmetic operation"];

    // Longer than any problem about a field; longer means a value was quoted whole.
    private const int MaxProblemLength = 1_000;

    private int count;

    public FuzzOutcome Run(FuzzInput input)
    {
        var path = Path.Combine(folder, $"input-{++count}.yaml");
        File.WriteAllBytes(path, input.Bytes);
        FuzzOutcome? outcome = null;
        long allocated = 0;
        var worker = new Thread(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                outcome = Judge(input, path);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            })
        {
            IsBackground = true,
            Name = "fuzz input",
        };
        var clock = Stopwatch.StartNew();
        worker.Start();
        if (!worker.Join(timeLimit))
        {
            return new FuzzOutcome(input, FuzzVerdict.Failed, $"still running after {timeLimit.TotalSeconds} s") { Elapsed = clock.Elapsed };
        }

        File.Delete(path);
        if (allocated > allocationLimit)
        {
            return new FuzzOutcome(input, FuzzVerdict.Failed, $"allocated {allocated / (1024 * 1024)} MB in {clock.ElapsedMilliseconds} ms");
        }

        return (outcome ?? new FuzzOutcome(input, FuzzVerdict.Failed, "no outcome")) with { Elapsed = clock.Elapsed };
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
                : new FuzzOutcome(input, FuzzVerdict.Failed, $"unclear problem ({UnclearWhy(unclear, path)}): {Shorten(unclear)}");
        }
#pragma warning disable CA1031 // Any other exception is exactly what the fuzzing looks for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new FuzzOutcome(input, FuzzVerdict.Failed, $"{ex.GetType().Name}: {Shorten(ex.Message)}");
        }
    }

    /// <summary>Why a problem is not one clear line naming the file and where in it; null if it is.</summary>
    private static string? UnclearWhy(string problem, string path)
    {
        if (problem.Any(char.IsControl) || problem.Contains('\u2028', StringComparison.Ordinal) || problem.Contains('\u2029', StringComparison.Ordinal))
        {
            return "not one line";
        }

        if (problem.Length - path.Length > MaxProblemLength)
        {
            return $"{problem.Length} characters long";
        }

        if (!problem.StartsWith(path + ":", StringComparison.Ordinal))
        {
            return "does not name the file";
        }

        if (!FileLineColumnField().IsMatch(problem[path.Length..]))
        {
            return "no line, column and field";
        }

        return RawExceptionTexts.FirstOrDefault(t => problem.Contains(t, StringComparison.Ordinal)) is { } raw
            ? $"raw exception text '{raw.Trim()}'"
            : null;
    }

    private static string Shorten(string text)
    {
        var shown = text.Length > 300 ? text[..300] + "..." : text;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    [GeneratedRegex(@"^:\d+:\d+: \S.*?: .+$")]
    private static partial Regex FileLineColumnField();
}
