using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The "handoff" section; a field left out keeps its value from
/// <see cref="HandoffPolicy.Default"/> (a one-hour window, briefings that lose nothing).</summary>
internal static class HandoffPolicyMapper
{
    private static readonly string[] Fields =
        ["windowMinutes", "omissionProbability", "queryProbability", "queryMinutes", "surpriseMinutes", "refamiliarisationMinutes"];

    private static readonly NumberRange WindowRange = NumberRange.Above(0, 10_080);
    private static readonly NumberRange ProbabilityRange = NumberRange.Between(0, 1);
    private static readonly NumberRange MinutesRange = NumberRange.Between(0, 1440);

    public static HandoffPolicy? Map(YamlValue value)
    {
        if (value.Mapping(Fields) is not { } handoff)
        {
            return null;
        }

        var defaults = HandoffPolicy.Default;
        return new HandoffPolicy(
            handoff.Optional("windowMinutes")?.Number(WindowRange) ?? defaults.WindowMinutes,
            handoff.Optional("omissionProbability")?.Number(ProbabilityRange) ?? defaults.OmissionProbability,
            handoff.Optional("queryProbability")?.Number(ProbabilityRange) ?? defaults.QueryProbability,
            handoff.Optional("queryMinutes")?.Number(MinutesRange) ?? defaults.QueryMinutes,
            handoff.Optional("surpriseMinutes")?.Number(MinutesRange) ?? defaults.SurpriseMinutes,
            handoff.Optional("refamiliarisationMinutes")?.Number(MinutesRange) ?? defaults.RefamiliarisationMinutes);
    }
}
