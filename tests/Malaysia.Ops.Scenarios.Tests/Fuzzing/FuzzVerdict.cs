namespace Malaysia.Ops.Scenarios.Tests.Fuzzing;

/// <summary>What the loader did with one input.</summary>
internal enum FuzzVerdict
{
    /// <summary>Loaded, and fit to run.</summary>
    Loaded,

    /// <summary>Refused with clear problems: one line each, naming the file.</summary>
    Rejected,

    /// <summary>Anything else: another exception, an unclear problem, an unfit scenario, too
    /// slow, or too much memory.</summary>
    Failed,
}
