namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>The verdict on one input, for a failure what was wrong, and how long it took.</summary>
internal sealed record FuzzOutcome(FuzzInput Input, FuzzVerdict Verdict, string? Failure = null)
{
    public TimeSpan Elapsed { get; init; }
}
