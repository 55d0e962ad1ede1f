using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Workload;

/// <summary>Section "Workload".</summary>
public sealed class WorkloadOptions
{
    public const string Section = "Workload";

    /// <summary>Mean incident arrivals per simulated hour (Poisson).</summary>
    public double IncidentsPerHour { get; set; } = 4;

    /// <summary>Optional simulated instant after which no incident is raised (a run's end).</summary>
    public DateTimeOffset? RaiseUntil { get; set; }
}

internal sealed class WorkloadOptionsValidator : IValidateOptions<WorkloadOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkloadOptions options) =>
        options.IncidentsPerHour is > 0 and <= 1_000_000
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Workload:IncidentsPerHour: {options.IncidentsPerHour} is not a positive rate (incidents per simulated hour, at most 1000000)");
}
