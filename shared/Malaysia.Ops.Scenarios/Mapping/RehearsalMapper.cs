using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>The optional "rehearsal" section: which desks a person leads at handoff when the
/// scenario runs in the operations console, the pace to run it at, and the facilitator's cards.</summary>
internal static class RehearsalMapper
{
    private static readonly string[] Fields = ["humanDesks", "speed", "cards"];

    private static readonly NumberRange SpeedRange = NumberRange.Above(0, 1_000_000);

    /// <param name="desks">The scenario's desks, or null if they are themselves wrong (and
    /// reported), in which case desk names are not checked against them.</param>
    public static RehearsalPlan? Map(YamlValue value, IReadOnlyList<DeskPlan>? desks)
    {
        if (value.Mapping(Fields) is not { } rehearsal)
        {
            return null;
        }

        var humanValue = rehearsal.Required("humanDesks");
        var human = humanValue?.Items("humanDesks", 1, 20, item => Desk(item, desks));
        var speedValue = rehearsal.Optional("speed");
        var speed = speedValue?.Number(SpeedRange);
        var cardsValue = rehearsal.Optional("cards");
        var cards = cardsValue is null ? [] : RehearsalCardMapper.MapList(cardsValue.Value, desks);
        return human is null || (speedValue is not null && speed is null) || cards is null ? null : new RehearsalPlan(human, speed, cards);
    }

    internal static string? Desk(YamlValue item, IReadOnlyList<DeskPlan>? desks)
    {
        var deskId = item.Text();
        var desk = desks?.FirstOrDefault(d => string.Equals(d.Id, deskId, StringComparison.OrdinalIgnoreCase));
        if (deskId is not null && desks is not null && desk is null)
        {
            item.Report($"{ProblemText.Quote(deskId)} is not a desk of this scenario (desks: {string.Join(", ", desks.Select(d => d.Id))})");
        }

        return desk?.Id ?? (desks is null ? deskId : null);
    }
}
