using System.Globalization;
using System.Runtime.CompilerServices;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>A list of desks (the scenario's own, or a topology to compare): each desk's site,
/// shifts, staff and cost, with the shifts checked by the same rules the roster applies, so a
/// scenario that loads is one the simulator can staff.</summary>
internal static class DeskPlanMapper
{
    public const int MaxDesks = 10;
    public const int MaxShifts = 6;
    public const int DefaultEngineers = 4;
    public const double DefaultReviewMinutesPerItem = 3;

    private static readonly string[] Fields =
        ["id", "name", "timeZone", "shifts", "engineers", "engineersByShift", "incidentsPerEngineer", "skills", "reviewMinutesPerItem", "cost", "holidays", "holidayEngineers"];
    private static readonly string[] CostFields = ["hourlyRate", "nightPremium", "weekendPremium"];

    private static readonly NumberRange EngineersRange = NumberRange.Between(1, 1000);
    private static readonly NumberRange HolidayEngineersRange = NumberRange.Between(0, 1000);
    private static readonly NumberRange PerEngineerRange = NumberRange.Between(1, 10);
    private static readonly NumberRange ReviewMinutesRange = NumberRange.Between(0, 1440);
    private static readonly NumberRange HourlyRateRange = NumberRange.Between(0, 100_000);
    private static readonly NumberRange PremiumRange = NumberRange.Between(0, 10);

    // The roster names a faulty shift "Roster:Desks:{i}:Shifts:{s}".
    private const string ShiftSettingMarker = ":Shifts:";

    /// <summary>The desks; null if the list or any desk is wrong.</summary>
    public static IReadOnlyList<DeskPlan>? MapList(YamlValue value)
    {
        var ids = new UniqueNames("id");
        return value.Items("desks", 1, MaxDesks, item => Map(item, ids));
    }

    private static DeskPlan? Map(YamlValue item, UniqueNames ids)
    {
        if (item.Mapping(Fields) is not { } desk)
        {
            return null;
        }

        var idValue = desk.Required("id");
        var id = idValue?.Identifier("desk id");
        var unique = idValue is not { } writtenId || id is null || ids.Add(id, writtenId, item.Path);
        var name = desk.Optional("name")?.Text() ?? id;
        var zone = desk.Required("timeZone")?.TimeZone();
        var shiftsValue = desk.Required("shifts");
        var shifts = shiftsValue?.Items("shifts", 1, MaxShifts, shift => shift.Shift());
        var engineers = desk.Optional("engineers")?.Integer(EngineersRange) ?? DefaultEngineers;
        var reviewMinutes = desk.Optional("reviewMinutesPerItem")?.Number(ReviewMinutesRange) ?? DefaultReviewMinutesPerItem;
        var perEngineer = desk.Optional("incidentsPerEngineer")?.Integer(PerEngineerRange) ?? 1;
        var skillsValue = desk.Optional("skills");
        var skills = skillsValue?.Items("skills", 1, 20, Skill);
        var byShiftValue = desk.Optional("engineersByShift");
        var byShift = byShiftValue?.Items("engineers", 1, MaxShifts, v => v.Integer(EngineersRange) is { } n ? new StrongBox<int>(n) : null)?.Select(b => b.Value).ToList();
        if (byShiftValue is { } writtenByShift && byShift is not null && shifts is not null && byShift.Count != shifts.Count)
        {
            writtenByShift.Report($"expected one number per shift ({shifts.Count}), found {byShift.Count}");
            byShift = null;
        }
        var cost = desk.Optional("cost") is { } costValue ? MapCost(costValue) : StaffCost.None;
        var holidaysValue = desk.Optional("holidays");
        var holidays = holidaysValue is { } calendarValue ? HolidayMapper.Calendar(calendarValue) : null;
        var holidayEngineersValue = desk.Optional("holidayEngineers");
        var holidayEngineers = holidayEngineersValue?.Integer(HolidayEngineersRange);

        if (id is null || name is null || zone is null || shiftsValue is not { } writtenShifts || shifts is null
            || cost is null || !unique || !CanBeRostered(id, name, zone, shifts, writtenShifts)
            || (skillsValue is not null && skills is null) || (byShiftValue is not null && byShift is null)
            || (holidaysValue is not null && holidays is null) || (holidayEngineersValue is not null && holidayEngineers is null))
        {
            return null;
        }

        return new DeskPlan(id, name, zone.Id, shifts.Select(s => s.ToString()).ToList(), engineers, reviewMinutes, cost, perEngineer, skills, byShift, holidays, holidayEngineers ?? 0);
    }

    /// <summary>A skill of the incident catalogue, as the catalogue spells it.</summary>
    private static string? Skill(YamlValue value)
    {
        if (value.Text() is not { } text)
        {
            return null;
        }

        var known = IncidentCatalogue.Default.Skills;
        if (known.FirstOrDefault(s => string.Equals(s, text, StringComparison.OrdinalIgnoreCase)) is { } skill)
        {
            return skill;
        }

        value.Report($"{ProblemText.Quote(text)} is not a skill (expected one of: {string.Join(", ", known)})");
        return null;
    }

    private static StaffCost? MapCost(YamlValue value)
    {
        if (value.Mapping(CostFields) is not { } cost)
        {
            return null;
        }

        return new StaffCost(
            cost.Optional("hourlyRate")?.Number(HourlyRateRange) ?? StaffCost.None.HourlyRate,
            cost.Optional("nightPremium")?.Number(PremiumRange) ?? StaffCost.None.NightPremium,
            cost.Optional("weekendPremium")?.Number(PremiumRange) ?? StaffCost.None.WeekendPremium);
    }

    /// <summary>Checks the desk's shifts as the roster will (no zero-length shift, no two
    /// shifts overlapping), reporting at the offending shift.</summary>
    private static bool CanBeRostered(string id, string name, TimeZoneInfo zone, IReadOnlyList<ShiftPattern> shifts, YamlValue shiftsValue)
    {
        try
        {
            Roster.Create([new DeskRoster(id, name, zone, shifts)]);
            return true;
        }
        catch (RosterDefinitionException ex)
        {
            var marker = ex.Setting.LastIndexOf(ShiftSettingMarker, StringComparison.Ordinal);
            var shiftIndex = marker >= 0 && int.TryParse(ex.Setting.AsSpan(marker + ShiftSettingMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : -1;
            shiftsValue.ItemOrSelf(shiftIndex).Report(ex.Problem);
            return false;
        }
    }
}
