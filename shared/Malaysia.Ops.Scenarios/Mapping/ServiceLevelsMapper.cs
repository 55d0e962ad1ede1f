using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The optional "serviceLevels" section: targets by severity, replacing the defaults
/// for the severities given.</summary>
internal static class ServiceLevelsMapper
{
    private static readonly string[] Severities = Enum.GetNames<Severity>();
    private static readonly string[] Fields = ["acknowledgeMinutes", "resolveMinutes"];
    private static readonly NumberRange MinutesRange = NumberRange.Above(0, 43_200);

    public static ServiceLevels? Map(YamlValue value)
    {
        if (value.Mapping(Severities) is not { } section)
        {
            return null;
        }

        var levels = new List<ServiceLevel>();
        var sound = true;
        foreach (var severity in Enum.GetValues<Severity>())
        {
            if (section.Optional(severity.ToString()) is not { } written)
            {
                continue;
            }

            if (written.Mapping(Fields) is not { } targets)
            {
                sound = false;
                continue;
            }

            var acknowledge = targets.Required("acknowledgeMinutes")?.Number(MinutesRange);
            var resolve = targets.Required("resolveMinutes")?.Number(MinutesRange);
            if (acknowledge is not { } a || resolve is not { } r)
            {
                sound = false;
                continue;
            }

            if (r < a)
            {
                targets.Report("resolveMinutes", $"{r} is sooner than acknowledgeMinutes {a}");
                sound = false;
                continue;
            }

            levels.Add(new ServiceLevel(severity, TimeSpan.FromMinutes(a), TimeSpan.FromMinutes(r)));
        }

        return sound ? ServiceLevels.Default.With(levels) : null;
    }
}
