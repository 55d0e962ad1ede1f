using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Scenarios.Tests;

/// <summary>The facilitator's cards in a scenario's rehearsal section.</summary>
public sealed class RehearsalCardSpecs
{
    private const string Cards = """
        days: 2
        rehearsal:
          humanDesks: [my]
          cards:
            - { title: Rack 3 goes too, does: a second SEV1, incident: { type: GpuNodeFailure, severity: Sev1, cluster: kul-gpu-a } }
            - { title: US drops out, does: the US desk stops, stopDesk: us }
            - { title: Batch night, does: 30 an hour for an hour, loadSpike: { incidentsPerHour: 30, durationMinutes: 60 } }
            - { title: Lost, does: the next briefing never comes, lostBriefing: US }
        """;

    [Fact]
    public void Each_card_keeps_its_title_what_it_does_and_its_event()
    {
        var cards = TestScenario.Parse(TestScenario.With("days: 2", Cards)).Rehearsal!.Cards!;

        Assert.Equal(
            [
                new RehearsalCard("Rack 3 goes too", "a second SEV1", RehearsalCardKind.Incident, Type: IncidentType.GpuNodeFailure, Severity: Severity.Sev1, Cluster: "kul-gpu-a"),
                new RehearsalCard("US drops out", "the US desk stops", RehearsalCardKind.DeskFault, "us"),
                new RehearsalCard("Batch night", "30 an hour for an hour", RehearsalCardKind.LoadSpike, IncidentsPerHour: 30, DurationMinutes: 60),
                new RehearsalCard("Lost", "the next briefing never comes", RehearsalCardKind.LostBriefing, "us"),
            ],
            cards);
    }

    [Theory]
    [InlineData("- { title: Two, does: both, stopDesk: us, lostBriefing: us }", "rehearsal.cards[0].title: a card needs exactly one of incident, stopDesk, loadSpike, lostBriefing (found stopDesk, lostBriefing)")]
    [InlineData("- { title: None, does: nothing }", "rehearsal.cards[0].title: a card needs exactly one of incident, stopDesk, loadSpike, lostBriefing (found none)")]
    [InlineData("- { title: Away, does: stops sg, stopDesk: sg }", "rehearsal.cards[0].stopDesk: 'sg' is not a desk of this scenario (desks: us, my)")]
    [InlineData("- { title: Spike, does: spikes, loadSpike: { incidentsPerHour: 30 } }", "rehearsal.cards[0].loadSpike.durationMinutes: required field is missing")]
    public void A_wrong_card_is_reported_by_its_place(string card, string problem)
    {
        var yaml = TestScenario.With("days: 2", $"days: 2\nrehearsal:\n  humanDesks: [my]\n  cards:\n    {card}");

        Assert.Contains(TestScenario.ProblemsOf(yaml), p => p.EndsWith(problem, StringComparison.Ordinal));
    }
}
