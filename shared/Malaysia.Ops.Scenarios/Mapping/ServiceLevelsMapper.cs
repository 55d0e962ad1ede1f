using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Staffing;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The optional "serviceLevels" section: targets by severity, replacing the defaults
/// for the severities given, and what staffing must achieve (each severity's attainment, the
/// maximum occupancy and shrinkage) for the solve command.</summary>
internal static class ServiceLevelsMapper
{
    private static readonly string[] Fields = [.. Enum.GetNames<Severity>(), "maxOccupancy", "shrinkage"];
    private static readonly string[] SeverityFields = ["acknowledgeMinutes", "resolveMinutes", "attainment"];
    private static readonly NumberRange MinutesRange = NumberRange.Above(0, 43_200);
    private static readonly NumberRange ShareRange = NumberRange.Above(0, 1);

    // Beyond nine tenths of rostered time lost, a roster is mostly people not working incidents.
    private static readonly NumberRange ShrinkageRange = NumberRange.Between(0, 0.9);

    public static (ServiceLevels Levels, StaffingTargets Targets)? Map(YamlValue value)
    {
        if (value.Mapping(Fields) is not { } section)
        {
            return null;
        }

        var levels = new List<ServiceLevel>();
        var attainment = new Dictionary<Severity, double>();
        var maxOccupancyValue = section.Optional("maxOccupancy");
        var maxOccupancy = maxOccupancyValue?.Number(ShareRange);
        var shrinkageValue = section.Optional("shrinkage");
        var shrinkage = shrinkageValue?.Number(ShrinkageRange);
        var sound = (maxOccupancyValue is null || maxOccupancy is not null) && (shrinkageValue is null || shrinkage is not null);
        foreach (var severity in Enum.GetValues<Severity>())
        {
            if (section.Optional(severity.ToString()) is not { } written)
            {
                continue;
            }

            if (written.Mapping(SeverityFields) is not { } targets)
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
            if (targets.Optional("attainment") is { } share)
            {
                if (share.Number(ShareRange) is { } p)
                {
                    attainment[severity] = p;
                }
                else
                {
                    sound = false;
                }
            }
        }

        return sound ? (ServiceLevels.Default.With(levels), new StaffingTargets(attainment, maxOccupancy ?? 1, shrinkage ?? 0)) : null;
    }
}
