using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.HandoffScoring;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>The handoff quality score: its five parts, its bands and the mean over handoffs.</summary>
public class HandoffScoreSpecs
{
    private const string Id = "HO-1";
    private static readonly DateTimeOffset ShiftEnd = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AcceptFrom = ShiftEnd.AddMinutes(30);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(40);
    private static readonly DateTimeOffset Wall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static HandoffBook Briefed(string[] ids, string[]? contextMissing = null, (string, int)[]? blank = null)
    {
        var book = new HandoffBook();
        book.Open(Id, "us", "my", ShiftEnd, AcceptFrom, Window);
        book.Briefed(Id, ids, Wall, ShiftEnd, contextMissing, blank);
        return book;
    }

    private static void AcceptAll(HandoffBook book, string[] ids, DateTimeOffset at)
    {
        foreach (var id in ids)
        {
            book.ItemAccepted(Id, id, at, Wall, Wall.AddSeconds(1));
        }

        book.Completed(Id, at, Wall, Wall.AddSeconds(1));
    }

    private static HandoffScore Score(HandoffBook book) => HandoffScorer.Of(book.Find(Id)!)!;

    [Fact]
    public void A_full_briefing_taken_over_as_soon_as_the_window_opens_scores_100_and_is_great()
    {
        var book = Briefed(["INC-1", "INC-2"]);
        AcceptAll(book, ["INC-1", "INC-2"], AcceptFrom);

        var score = Score(book);

        Assert.Equal(100, score.Score);
        Assert.Equal(HandoffBand.Great, score.Band);
        Assert.Equal(new HandoffScoreParts(30, 25, 15, 15, 15), score.Parts);
    }

    [Fact]
    public void Blank_fields_and_missing_context_cost_completeness_by_their_share_of_the_fields()
    {
        var book = Briefed(["INC-1", "INC-2"], contextMissing: ["INC-1"], blank: [("INC-1", 1), ("INC-2", 2)]);
        book.Briefed(Id, ["INC-1"], Wall, ShiftEnd, ["INC-1"], [("INC-1", 2)]);
        AcceptAll(book, ["INC-1", "INC-2"], AcceptFrom);

        // 4 of 6 fields missing, each counted once however often the item is briefed.
        Assert.Equal(10, Score(book).Parts.Completeness);
        Assert.Equal(3, book.Find(Id)!.BlankFields);
    }

    [Fact]
    public void Surprises_and_queries_cost_their_parts_by_their_share_of_the_items()
    {
        var book = Briefed(["INC-1", "INC-2", "INC-3", "INC-4"]);
        book.Queried(Id, "INC-1");
        book.Surprised(Id, "INC-2");
        book.Surprised(Id, "INC-3");
        AcceptAll(book, ["INC-1", "INC-2", "INC-3", "INC-4"], AcceptFrom);

        var parts = Score(book).Parts;

        Assert.Equal(12.5, parts.OmissionsSurfaced);
        Assert.Equal(11.3, parts.Queries);
    }

    [Fact]
    public void Latency_earns_the_share_of_the_window_left_when_the_last_item_was_taken_over()
    {
        var book = Briefed(["INC-1"]);
        AcceptAll(book, ["INC-1"], AcceptFrom.AddMinutes(30));

        Assert.Equal(3.8, Score(book).Parts.Latency);
    }

    [Fact]
    public void An_escalated_handoff_earns_no_latency_and_loses_its_escalated_items_share()
    {
        var book = Briefed(["INC-1", "INC-2"]);
        book.ItemAccepted(Id, "INC-1", AcceptFrom, Wall, Wall.AddSeconds(1));
        book.EscalateOverdue(AcceptFrom + Window);

        var score = Score(book);

        Assert.Equal(0, score.Parts.Latency);
        Assert.Equal(7.5, score.Parts.Escalations);
        Assert.Equal(78, score.Score);
        Assert.Equal(HandoffBand.Good, score.Band);
    }

    [Fact]
    public void A_briefing_that_never_came_scores_0_and_an_open_handoff_has_no_score_yet()
    {
        var book = new HandoffBook();
        book.Open(Id, "us", "my", ShiftEnd, AcceptFrom, Window);
        Assert.Null(HandoffScorer.Of(book.Find(Id)!));

        book.EscalateOverdue(AcceptFrom + Window);

        Assert.Equal(0, Score(book).Score);
        Assert.Equal(HandoffBand.Bad, Score(book).Band);
    }

    [Theory]
    [InlineData(0, HandoffBand.Bad)]
    [InlineData(19.9, HandoffBand.Bad)]
    [InlineData(20, HandoffBand.Low)]
    [InlineData(40, HandoffBand.Medium)]
    [InlineData(60, HandoffBand.Good)]
    [InlineData(79.9, HandoffBand.Good)]
    [InlineData(80, HandoffBand.Great)]
    [InlineData(100, HandoffBand.Great)]
    public void Bands_start_at_their_lower_bound(double score, HandoffBand band) =>
        Assert.Equal(band, HandoffScorer.BandOf(score));

    [Fact]
    public void The_mean_is_over_handoffs_that_have_a_score()
    {
        var done = Briefed(["INC-1"]);
        AcceptAll(done, ["INC-1"], AcceptFrom);
        var open = Briefed(["INC-2"]);

        Assert.Equal(100, HandoffScorer.MeanOf([done.Find(Id)!, open.Find(Id)!]));
        Assert.Null(HandoffScorer.MeanOf([open.Find(Id)!]));
    }

    [Fact]
    public void A_blank_note_or_next_action_is_a_blank_field_and_context_is_not_counted_there()
    {
        var item = new HandoffItem("INC-1", IncidentType.ModelDrift, Severity.Sev3, WorkStatus.Queued, true, 10, 1, "notes", "continue", ContextMissing: true);

        Assert.Equal(0, BriefingFields.BlankOf(item));
        Assert.Equal(2, BriefingFields.BlankOf(item with { Notes = " ", NextAction = "" }));
    }
}
