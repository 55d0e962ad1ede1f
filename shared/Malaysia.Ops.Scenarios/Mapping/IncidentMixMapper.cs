using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The "mix" and "workTimes" fields of "arrivals": the scenario's own types, severities
/// and their shares, and work-time distributions by type or severity.</summary>
internal static class IncidentMixMapper
{
    public const int MaxEmpiricalMinutes = 100_000;

    private static readonly string[] ShareFields = ["type", "severity", "share"];
    private static readonly string[] RuleFields = ["type", "severity", "distribution", "mean", "spread", "minutes"];

    private static readonly NumberRange ShareRange = NumberRange.Above(0, 1_000_000);
    private static readonly NumberRange MinutesRange = NumberRange.Above(0, 10_080);
    private static readonly NumberRange SpreadRange = NumberRange.Above(0, 5);

    private static readonly Dictionary<string, string[]> Parameters = new(StringComparer.Ordinal)
    {
        ["exponential"] = ["mean"],
        ["lognormal"] = ["mean", "spread"],
        ["fixed"] = ["minutes"],
        ["empirical"] = ["minutes"],
    };

    /// <summary>The mix; null (reported) if either field is wrong.</summary>
    public static IncidentMix? Map(YamlValue? mixValue, YamlValue? workTimesValue)
    {
        IReadOnlyList<MixShare>? shares = mixValue is { } mix ? Unique(mix, mix.Items("shares", 1, 1000, MapShare), s => (s.Type, s.Severity), "type and severity") : [];
        IReadOnlyList<WorkTimeRule>? rules = workTimesValue is { } work
            ? Unique(work, work.Items("work-time rules", 1, 1000, MapRule), r => (r.Type, r.Severity), "type and severity")
            : [];
        return shares is null || rules is null ? null : new IncidentMix(shares, rules);
    }

    private static MixShare? MapShare(YamlValue value)
    {
        if (value.Mapping(ShareFields) is not { } share)
        {
            return null;
        }

        var type = share.Required("type")?.EnumName<IncidentType>("an incident type");
        var severity = share.Required("severity")?.EnumName<Severity>("a severity");
        var weight = share.Required("share")?.Number(ShareRange);
        return type is null || severity is null || weight is null ? null : new MixShare(type.Value, severity.Value, weight.Value);
    }

    private static WorkTimeRule? MapRule(YamlValue value)
    {
        if (value.Mapping(RuleFields) is not { } rule)
        {
            return null;
        }

        var typeValue = rule.Optional("type");
        var type = typeValue?.EnumName<IncidentType>("an incident type");
        var severityValue = rule.Optional("severity");
        var severity = severityValue?.EnumName<Severity>("a severity");
        var distribution = rule.Required("distribution") is { } written ? MapDistribution(rule, written) : null;
        return (typeValue is not null && type is null) || (severityValue is not null && severity is null) || distribution is null
            ? null
            : new WorkTimeRule(type, severity, distribution);
    }

    private static WorkTimeDistribution? MapDistribution(FieldMapping rule, YamlValue written)
    {
        var name = written.Text();
        if (name is null)
        {
            return null;
        }

        if (!Parameters.TryGetValue(name, out var needed))
        {
            written.Report($"{ProblemText.Quote(name)} is not a distribution (expected one of: {string.Join(", ", Parameters.Keys)})");
            return null;
        }

        var sound = true;
        foreach (var field in Parameters.Values.SelectMany(p => p).Distinct().Where(f => !needed.Contains(f) && rule.Optional(f) is not null))
        {
            rule.Report(field, $"does not apply to a {name} distribution (it takes {string.Join(" and ", needed)})");
            sound = false;
        }

        WorkTimeDistribution? distribution = name switch
        {
            "exponential" => rule.Required("mean")?.Number(MinutesRange) is { } mean ? new ExponentialWorkTime(mean) : null,
            "lognormal" => (rule.Required("mean")?.Number(MinutesRange), rule.Required("spread")?.Number(SpreadRange)) is ({ } m, { } s)
                ? new LognormalWorkTime(m, s)
                : null,
            "fixed" => rule.Required("minutes")?.Number(MinutesRange) is { } minutes ? new FixedWorkTime(minutes) : null,
            _ => rule.Required("minutes")?.Items("work times in minutes", 1, MaxEmpiricalMinutes, v => v.Number(MinutesRange) is { } m ? new Minutes(m) : null)
                is { } list ? new EmpiricalWorkTime(list.Select(m => m.Value).ToList()) : null,
        };
        return sound ? distribution : null;
    }

    /// <summary>The items, or null (reported at the second) if two share a key.</summary>
    private static IReadOnlyList<T>? Unique<T, TKey>(YamlValue list, IReadOnlyList<T>? items, Func<T, TKey> key, string what)
    {
        if (items is null)
        {
            return null;
        }

        var seen = new HashSet<TKey>();
        var sound = true;
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(key(items[i])))
            {
                list.ItemOrSelf(i).Report($"repeats the {what} of an earlier item");
                sound = false;
            }
        }

        return sound ? items : null;
    }

    private sealed record Minutes(double Value);
}
