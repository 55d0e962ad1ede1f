using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.Mapping;

/// <summary>"rehearsal.cards": the facilitator's cards, each a title, what it does in words, and
/// exactly one event: an incident, a desk stopped, a load spike or a lost briefing.</summary>
internal static class RehearsalCardMapper
{
    private static readonly string[] Events = ["incident", "stopDesk", "loadSpike", "lostBriefing"];
    private static readonly string[] Fields = ["title", "does", .. Events];
    private static readonly string[] IncidentFields = ["type", "severity", "cluster", "summary", "workMinutes"];
    private static readonly string[] LoadFields = ["incidentsPerHour", "durationMinutes"];

    private static readonly NumberRange WorkMinutesRange = NumberRange.Above(0, 10_080);
    private static readonly NumberRange RateRange = NumberRange.Above(0, 100_000);
    private static readonly NumberRange DurationRange = NumberRange.Above(0, 10_080);

    public static IReadOnlyList<RehearsalCard>? MapList(YamlValue value, IReadOnlyList<DeskPlan>? desks) =>
        value.Items("cards", 0, 30, item => Map(item, desks));

    private static RehearsalCard? Map(YamlValue item, IReadOnlyList<DeskPlan>? desks)
    {
        if (item.Mapping(Fields) is not { } card)
        {
            return null;
        }

        var title = card.Required("title")?.Text();
        var does = card.Required("does")?.Text();
        var given = Events.Where(e => card.Optional(e) is not null).ToList();
        if (given.Count != 1)
        {
            card.Report("title", $"a card needs exactly one of {string.Join(", ", Events)} (found {(given.Count == 0 ? "none" : string.Join(", ", given))})");
            return null;
        }

        var value = card.Optional(given[0])!.Value;
        var played = given[0] switch
        {
            "incident" => Incident(value),
            "loadSpike" => Load(value),
            "stopDesk" => RehearsalMapper.Desk(value, desks) is { } stopped ? new RehearsalCard(string.Empty, string.Empty, RehearsalCardKind.DeskFault, stopped) : null,
            _ => RehearsalMapper.Desk(value, desks) is { } lost ? new RehearsalCard(string.Empty, string.Empty, RehearsalCardKind.LostBriefing, lost) : null,
        };
        return title is null || does is null || played is null ? null : played with { Title = title, Does = does };
    }

    private static RehearsalCard? Incident(YamlValue value)
    {
        if (value.Mapping(IncidentFields) is not { } incident)
        {
            return null;
        }

        var type = incident.Required("type")?.EnumName<IncidentType>("an incident type");
        var severity = incident.Required("severity")?.EnumName<Severity>("a severity");
        var cluster = incident.Optional("cluster")?.Text();
        var summary = incident.Optional("summary")?.Text();
        var workValue = incident.Optional("workMinutes");
        var work = workValue?.Number(WorkMinutesRange);
        return type is null || severity is null || (workValue is not null && work is null)
            ? null
            : new RehearsalCard(string.Empty, string.Empty, RehearsalCardKind.Incident, Type: type, Severity: severity, Cluster: cluster, Summary: summary, WorkMinutes: work);
    }

    private static RehearsalCard? Load(YamlValue value)
    {
        if (value.Mapping(LoadFields) is not { } load)
        {
            return null;
        }

        var rate = load.Required("incidentsPerHour")?.Number(RateRange);
        var duration = load.Required("durationMinutes")?.Number(DurationRange);
        return rate is null || duration is null
            ? null
            : new RehearsalCard(string.Empty, string.Empty, RehearsalCardKind.LoadSpike, IncidentsPerHour: rate, DurationMinutes: duration);
    }
}
