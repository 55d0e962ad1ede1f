using System.Diagnostics;

namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>
/// Judges one fuzz input on a thread of its own, so that a hang is reported (and left behind)
/// instead of stopping the run, and the memory it allocated can be measured. A stack overflow
/// cannot be caught at all in .NET: it ends the test run, which is itself the failure.
/// </summary>
internal static class BoundedJudge
{
    public static FuzzOutcome Run(FuzzInput input, TimeSpan timeLimit, long allocationLimit, Func<FuzzOutcome> judge)
    {
        FuzzOutcome? outcome = null;
        long allocated = 0;
        var worker = new Thread(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                outcome = judge();
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

        if (allocated > allocationLimit)
        {
            return new FuzzOutcome(input, FuzzVerdict.Failed, $"allocated {allocated / (1024 * 1024)} MB in {clock.ElapsedMilliseconds} ms");
        }

        return (outcome ?? new FuzzOutcome(input, FuzzVerdict.Failed, "no outcome")) with { Elapsed = clock.Elapsed };
    }
}
