using System.Diagnostics;
using Malaysia.Ops.Scenarios.History;
using Malaysia.Ops.Scenarios.Tests.Fuzzing;
using Xunit.Abstractions;

namespace Malaysia.Ops.Scenarios.Tests.History;

/// <summary>
/// Thousands of broken and hostile exports in each format, the same ones on every run (a fixed
/// seed): each must import as a sound history or be refused with problems that are one line
/// each, naming the file and the line or JSON path, within a time and memory bound.
/// </summary>
public sealed class HistoryFuzzSpecs(ITestOutputHelper output)
{
    private const int Seed = 20_260_302;
    private const int MutantsPerExport = 700;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);
    private const long AllocationLimit = 256L * 1024 * 1024;

    [Theory]
    [InlineData(HistoryFormat.PagerDuty, "incidents.csv")]
    [InlineData(HistoryFormat.Opsgenie, "alerts.json")]
    [InlineData(HistoryFormat.Generic, "history.csv")]
    public void Every_input_imports_or_is_refused_clearly(HistoryFormat format, string fileName)
    {
        var valid = format switch
        {
            HistoryFormat.PagerDuty => TestExports.PagerDuty,
            HistoryFormat.Opsgenie => TestExports.Opsgenie,
            _ => TestExports.Generic,
        };
        var mutator = new ExportMutator(new Random(Seed + (int)format));
        var fuzzer = new HistoryFuzzer(HistoryImport.Mapping, TimeLimit, AllocationLimit);

        var clock = Stopwatch.StartNew();
        var outcomes = Enumerable.Range(0, MutantsPerExport)
            .Select(_ => fuzzer.Run(mutator.Mutate(fileName, valid), format, fileName))
            .ToList();

        var failures = outcomes.Where(o => o.Verdict == FuzzVerdict.Failed).ToList();
        output.WriteLine(
            $"{format} fuzz: {outcomes.Count} inputs, {outcomes.Count(o => o.Verdict == FuzzVerdict.Loaded)} imported, "
            + $"{outcomes.Count(o => o.Verdict == FuzzVerdict.Rejected)} rejected, {failures.Count} failures, {clock.Elapsed.TotalSeconds:F1} s (seed {Seed})");
        foreach (var failure in failures)
        {
            output.WriteLine($"FAILED {failure.Input.Origin}: {failure.Failure}");
        }

        Assert.Empty(failures.Select(f => $"{f.Input.Origin}: {f.Failure}"));
    }
}
