using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The optional "workloads" section; both fields are required when it is there.</summary>
internal static class WorkloadPolicyMapper
{
    private static readonly string[] Fields = ["perDay", "failureProbability"];

    private static readonly NumberRange PerDayRange = NumberRange.Between(0, 10_000);
    private static readonly NumberRange ProbabilityRange = NumberRange.Between(0, 1);

    public static WorkloadPolicy? Map(YamlValue value)
    {
        if (value.Mapping(Fields) is not { } workloads)
        {
            return null;
        }

        var perDay = workloads.Required("perDay")?.Number(PerDayRange);
        var failure = workloads.Required("failureProbability")?.Number(ProbabilityRange);
        return perDay is { } d && failure is { } f ? new WorkloadPolicy(d, f) : null;
    }
}
