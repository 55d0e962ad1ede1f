using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The "outages" section: periods when one of the scenario's desks goes dark.</summary>
internal static class DeskOutageMapper
{
    private static readonly string[] Fields = ["desk", "from", "to"];

    /// <param name="desks">The scenario's desks, or null if they are themselves wrong (and
    /// reported), in which case desk names are not checked against them.</param>
    public static IReadOnlyList<DeskOutage>? MapList(YamlValue value, IReadOnlyList<DeskPlan>? desks) =>
        value.Items("outages", 0, int.MaxValue, item => Map(item, desks));

    private static DeskOutage? Map(YamlValue item, IReadOnlyList<DeskPlan>? desks)
    {
        if (item.Mapping(Fields) is not { } outage)
        {
            return null;
        }

        var deskValue = outage.Required("desk");
        var deskId = deskValue?.Text();
        var from = outage.Required("from")?.Instant();
        var to = outage.Required("to")?.Instant();

        // Desk ids are unique regardless of case; the outage takes the id as the desk declares it.
        var desk = desks?.FirstOrDefault(d => string.Equals(d.Id, deskId, StringComparison.OrdinalIgnoreCase));
        if (deskId is not null && desks is not null && desk is null && deskValue is { } written)
        {
            written.Report($"{ProblemText.Quote(deskId)} is not a desk of this scenario (desks: {string.Join(", ", desks.Select(d => d.Id))})");
        }

        return desk is null || from is null || to is null || !outage.IsOrderedPeriod(from.Value, to.Value)
            ? null
            : new DeskOutage(desk.Id, from.Value, to.Value);
    }
}
