namespace Malaysia.Ops.ServiceDefaults.Hosting;

/// <summary>Something a run is judged on once it stops (a load's thresholds): a failure makes the
/// process exit with <see cref="OpsHost.ExitFailure"/>, its reason on one line.</summary>
public interface IRunOutcome
{
    /// <summary>Why the run failed, or null when it did not.</summary>
    string? Failure { get; }
}
