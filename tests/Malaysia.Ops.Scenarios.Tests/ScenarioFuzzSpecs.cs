using System.Diagnostics;
using Malaysia.Ops.Scenarios.Tests.Fuzzing;
using Xunit.Abstractions;

namespace Malaysia.Ops.Scenarios.Tests;

/// <summary>
/// Thousands of broken and hostile scenario files, the same ones on every run (a fixed seed):
/// each must either load as a scenario fit to run, or be refused with problems that are one line
/// each and name the file, within a time and memory bound. The counts are written to the test
/// output; a failure lists the inputs, each with how it was made, to reproduce it.
/// </summary>
public sealed class ScenarioFuzzSpecs(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_260_713;
    private const int MutantsPerScenario = 350;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);
    private const long AllocationLimit = 256L * 1024 * 1024;

    private readonly string folder = Directory.CreateTempSubdirectory("scenario-fuzz-").FullName;

    [Fact]
    public void Every_input_loads_or_is_refused_clearly()
    {
        var random = new Random(Seed);
        var mutator = new ScenarioMutator(random);
        var scenarios = ScenarioCatalogue.List(ScenarioCatalogue.DefaultFolder)
            .Select(s => (s.Name, Text: File.ReadAllText(s.Path)))
            .Append((Name: "test", Text: TestScenario.Yaml))
            .ToList();
        var inputs = scenarios
            .SelectMany(s => Enumerable.Range(0, MutantsPerScenario).Select(_ => mutator.Mutate(s.Name, s.Text)))
            .Concat(HostileYaml.All(TestScenario.Yaml, random));
        var fuzzer = new ScenarioFuzzer(folder, TimeLimit, AllocationLimit);

        var clock = Stopwatch.StartNew();
        var outcomes = inputs.Select(fuzzer.Run).ToList();
        clock.Stop();

        var failures = outcomes.Where(o => o.Verdict == FuzzVerdict.Failed).ToList();
        output.WriteLine(
            $"scenario fuzz: {outcomes.Count} inputs, {outcomes.Count(o => o.Verdict == FuzzVerdict.Loaded)} loaded, "
            + $"{outcomes.Count(o => o.Verdict == FuzzVerdict.Rejected)} rejected, {failures.Count} failures, {clock.Elapsed.TotalSeconds:F1} s (seed {Seed})");
        foreach (var slow in outcomes.OrderByDescending(o => o.Elapsed).Take(5))
        {
            output.WriteLine($"slowest: {slow.Elapsed.TotalMilliseconds:F0} ms {slow.Input.Origin}");
        }

        foreach (var failure in failures)
        {
            output.WriteLine($"FAILED {failure.Input.Origin}: {failure.Failure}");
        }

        Assert.Empty(failures.Select(f => $"{f.Input.Origin}: {f.Failure}"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
