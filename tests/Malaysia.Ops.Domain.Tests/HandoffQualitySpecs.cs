using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Randomness;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Context lost in a briefing: queried at review, or a surprise when work starts; and
/// the re-familiarisation every change of hands costs.</summary>
public class HandoffQualitySpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 13, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SentAtWall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static BriefedItem Item(string id, bool contextMissing) =>
        new(id, IncidentType.TrainingJobStalled, Severity.Sev2, WorkStatus.Queued, true, 20, 1, "notes", "continue", contextMissing);

    [Fact]
    public void Every_item_loses_its_context_when_omission_is_certain_and_none_when_it_is_impossible()
    {
        DeskModel Desk(double omission)
        {
            var desk = new DeskModel("my", 1, quality: new HandoffQuality(omission, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, Seed: 7));
            desk.Assign("INC-1", IncidentType.GpuNodeFailure, Severity.Sev2, 60, T0.AddHours(-1), T0.AddHours(-1));
            desk.Assign("INC-2", IncidentType.ModelDrift, Severity.Sev3, 60, T0.AddHours(-1), T0.AddHours(-1));
            return desk;
        }

        Assert.All(Desk(1).HandOverAll("HO-1", T0, out _), i => Assert.True(i.ContextMissing));
        Assert.All(Desk(0).HandOverAll("HO-1", T0, out _), i => Assert.False(i.ContextMissing));
    }

    [Fact]
    public void A_queried_item_is_taken_over_after_the_answer_and_the_lead_reviews_the_rest_meanwhile()
    {
        var desk = new DeskModel("us", 2, quality: new HandoffQuality(0, 1, TimeSpan.FromMinutes(15), TimeSpan.Zero, TimeSpan.Zero, Seed: 7));

        var events = new List<DeskEvent>(desk.ReceiveBriefing("HO-1", "my", [Item("INC-1", contextMissing: true), Item("INC-2", contextMissing: false)], SentAtWall, T0, TimeSpan.FromMinutes(3), T0));
        events.AddRange(desk.Advance(T0.AddHours(2)));

        Assert.Contains(new HandoffItemQueriedByDesk("HO-1", "INC-1", T0.AddMinutes(3)), events);
        Assert.Contains(new HandoffItemTakenOver("HO-1", "INC-1", SentAtWall, T0.AddMinutes(18)), events);
        Assert.Contains(new HandoffItemTakenOver("HO-1", "INC-2", SentAtWall, T0.AddMinutes(6)), events);
        Assert.DoesNotContain(events, e => e is HandoffSurpriseFoundByDesk);
    }

    [Fact]
    public void Missing_context_nobody_asked_about_is_a_surprise_with_extra_work_when_work_starts()
    {
        var desk = new DeskModel("us", 1, quality: new HandoffQuality(0, 0, TimeSpan.Zero, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10), Seed: 7));

        var events = new List<DeskEvent>(desk.ReceiveBriefing("HO-1", "my", [Item("INC-1", contextMissing: true)], SentAtWall, T0, TimeSpan.FromMinutes(3), T0));
        events.AddRange(desk.Advance(T0.AddHours(3)));

        // Accepted at 12:03; 20 minutes left + 10 re-familiarisation + 30 surprise = 60 minutes.
        Assert.Contains(new HandoffSurpriseFoundByDesk("HO-1", "INC-1", 30, T0.AddMinutes(3)), events);
        Assert.Contains(new IncidentResolvedByDesk("INC-1", T0.AddMinutes(63)), events);
    }

    [Fact]
    public void Every_change_of_hands_costs_re_familiarisation_time()
    {
        var desk = new DeskModel("us", 1, quality: new HandoffQuality(0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMinutes(10), Seed: 7));

        var events = new List<DeskEvent>(desk.ReceiveBriefing("HO-1", "my", [Item("INC-1", contextMissing: false)], SentAtWall, T0, TimeSpan.FromMinutes(3), T0));
        events.AddRange(desk.Advance(T0.AddHours(3)));

        Assert.Contains(new IncidentResolvedByDesk("INC-1", T0.AddMinutes(33)), events);
    }

    [Fact]
    public void The_book_counts_omissions_queries_and_surprises_once_each()
    {
        var book = new HandoffBook();
        book.Open("HO-1", "my", "us", T0, T0, TimeSpan.FromHours(1));

        book.Briefed("HO-1", ["INC-1", "INC-2", "INC-3"], SentAtWall, T0, contextMissing: ["INC-1", "INC-2"]);
        book.Briefed("HO-1", ["INC-1", "INC-2", "INC-3"], SentAtWall, T0, contextMissing: ["INC-1", "INC-2"]);
        book.Queried("HO-1", "INC-1");
        book.Queried("HO-1", "INC-1");
        book.Surprised("HO-1", "INC-2");

        var record = Assert.Single(book.All);
        Assert.Equal((2, 1, 1), (record.Omissions, record.Queries, record.Surprises));
    }

    [Fact]
    public void A_stable_draw_depends_on_seed_and_keys_only_and_is_uniform()
    {
        Assert.Equal(StableDraw.Uniform(1, "omit", "HO-1", "INC-1"), StableDraw.Uniform(1, "omit", "HO-1", "INC-1"));
        Assert.NotEqual(StableDraw.Uniform(1, "omit", "HO-1", "INC-1"), StableDraw.Uniform(2, "omit", "HO-1", "INC-1"));
        Assert.NotEqual(StableDraw.Uniform(1, "omit", "HO-1", "INC-1"), StableDraw.Uniform(1, "omit", "HO-1I", "NC-1"));

        var draws = Enumerable.Range(0, 20_000).Select(i => StableDraw.Uniform(3, "omit", $"INC-{i}")).ToList();
        Assert.All(draws, d => Assert.InRange(d, 0, 0.999999999));
        Assert.InRange(draws.Count(d => d < 0.1), 1800, 2200);
        Assert.InRange(draws.Average(), 0.49, 0.51);
    }
}
