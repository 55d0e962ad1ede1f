using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The optional "escalation" section; both fields are required when it is there.</summary>
internal static class EscalationPolicyMapper
{
    private static readonly string[] Fields = ["atFractionOfTarget", "pagerResponseMinutes"];

    private static readonly NumberRange FractionRange = NumberRange.Above(0, 1);
    private static readonly NumberRange MinutesRange = NumberRange.Between(0, 1440);

    public static EscalationPolicy? Map(YamlValue value)
    {
        if (value.Mapping(Fields) is not { } escalation)
        {
            return null;
        }

        var fraction = escalation.Required("atFractionOfTarget")?.Number(FractionRange);
        var pager = escalation.Required("pagerResponseMinutes")?.Number(MinutesRange);
        return fraction is { } f && pager is { } p ? new EscalationPolicy(f, p) : null;
    }
}
