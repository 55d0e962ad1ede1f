using Microsoft.Extensions.Options;

namespace Malaysia.Ops.ServiceDefaults.Configuration;

/// <summary>The run: where simulated time starts, how fast it goes, and the seed of every
/// random draw. Section "Simulation".</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>Names the run in logs, traces and snapshots.</summary>
    public string RunId { get; set; } = "local";

    /// <summary>The simulated instant the run starts at.</summary>
    public DateTimeOffset Epoch { get; set; } = new(2026, 7, 13, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Simulated seconds per wall second (1440 = a day a minute).</summary>
    public double Speed { get; set; } = 1440;

    public int Seed { get; set; } = 42;

    /// <summary>Virtual time: the clock stands still while anything is happening and then jumps
    /// to the next instant something is due, so a simulated week takes seconds and a run repeats
    /// exactly. Only for a whole run in one process on the in-memory bus; Speed is then unused.</summary>
    public bool VirtualTime { get; set; }

    /// <summary>Optional: the wall instant at which simulated time is the epoch. When every
    /// process is given the same anchor they agree without waiting for dispatch's announcement.</summary>
    public DateTimeOffset? WallAnchor { get; set; }
}

internal sealed class SimulationOptionsValidator : IValidateOptions<SimulationOptions>
{
    private const int MinEpochYear = 1970;
    private const int MaxEpochYear = 3000;

    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        var problems = new List<string>();
        if (!(options.Speed > 0) || double.IsInfinity(options.Speed))
        {
            problems.Add($"Simulation:Speed: {options.Speed} is not a positive speed (simulated seconds per wall second, e.g. 1440 for a day a minute)");
        }
        else if (options.Speed > 1_000_000)
        {
            problems.Add($"Simulation:Speed: {options.Speed} is too fast for timers to keep up; use at most 1000000");
        }

        // The clock adds simulated time to the epoch; near year 9999 that throws mid-run instead.
        // The same years as a scenario's instants.
        if (options.Epoch.UtcDateTime.Year is < MinEpochYear or > MaxEpochYear)
        {
            problems.Add($"Simulation:Epoch: {options.Epoch:O} is out of range (must be in the years {MinEpochYear} to {MaxEpochYear})");
        }

        if (string.IsNullOrWhiteSpace(options.RunId))
        {
            problems.Add("Simulation:RunId: must not be empty");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
