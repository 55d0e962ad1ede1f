using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Tests;

public class HandoffBookSpecs
{
    private const string Id = "HO-20260113T1200Z-my-us";
    private static readonly DateTimeOffset ShiftEnd = new(2026, 1, 13, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AcceptFrom = ShiftEnd.AddHours(1);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);
    private static readonly DateTimeOffset SentAtWall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static HandoffBook OpenedAndBriefed(params string[] incidentIds)
    {
        var book = new HandoffBook();
        book.Open(Id, "my", "us", ShiftEnd, AcceptFrom, Window);
        book.Briefed(Id, incidentIds, SentAtWall);
        return book;
    }

    [Fact]
    public void Open_records_the_handoff_once_with_its_deadline()
    {
        var book = new HandoffBook();

        Assert.True(book.Open(Id, "my", "us", ShiftEnd, AcceptFrom, Window));
        Assert.False(book.Open(Id, "my", "us", ShiftEnd.AddHours(1), AcceptFrom, Window));

        var record = Assert.Single(book.All);
        Assert.Equal(HandoffStatus.AwaitingBriefing, record.Status);
        Assert.Equal(ShiftEnd, record.ShiftEndsAt);
        Assert.Equal(AcceptFrom, record.AcceptFrom);
        Assert.Equal(AcceptFrom + Window, record.Deadline);
        Assert.Equal("my->us", record.Direction);
        Assert.Empty(record.Items);
    }

    [Fact]
    public void A_briefing_adds_its_items_once_and_keeps_the_first_sending_instant()
    {
        var book = OpenedAndBriefed("INC-1", "INC-2");

        Assert.True(book.Briefed(Id, ["INC-2", "INC-3"], SentAtWall.AddSeconds(5)));
        Assert.False(book.Briefed("HO-unknown", ["INC-1"], SentAtWall));

        var record = book.Find(Id)!;
        Assert.Equal(HandoffStatus.Briefed, record.Status);
        Assert.Equal(SentAtWall, record.BriefingSentAtWall);
        Assert.Equal(["INC-1", "INC-2", "INC-3"], record.Items.Select(i => i.IncidentId));
    }

    [Fact]
    public void Item_latency_is_simulated_minutes_since_shift_end_and_wall_ms_since_the_briefing()
    {
        var book = OpenedAndBriefed("INC-1");

        Assert.Equal(HandoffAcceptance.Accepted, book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(350)));

        var item = Assert.Single(book.Find(Id)!.Items);
        Assert.Equal(AcceptFrom.AddMinutes(3), item.AcceptedAt);
        Assert.Equal(63, item.LatencySimulatedMinutes);
        Assert.Equal(350, item.LatencyWallMilliseconds);
        Assert.False(item.Escalated);
    }

    [Fact]
    public void An_item_is_accepted_only_once_and_only_in_a_handoff_that_was_opened()
    {
        var book = OpenedAndBriefed("INC-1");
        book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(350));

        Assert.Equal(HandoffAcceptance.Ignored, book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(9), SentAtWall, SentAtWall.AddMilliseconds(900)));
        Assert.Equal(HandoffAcceptance.Ignored, book.ItemAccepted("HO-unknown", "INC-1", AcceptFrom, SentAtWall, SentAtWall));

        Assert.Equal(63, Assert.Single(book.Find(Id)!.Items).LatencySimulatedMinutes);
    }

    [Fact]
    public void Completed_sets_the_handoff_latency()
    {
        var book = OpenedAndBriefed("INC-1", "INC-2");
        book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));
        book.ItemAccepted(Id, "INC-2", AcceptFrom.AddMinutes(5), SentAtWall, SentAtWall.AddMilliseconds(500));

        Assert.True(book.Completed(Id, AcceptFrom.AddMinutes(6), SentAtWall, SentAtWall.AddMilliseconds(700)));

        var record = book.Find(Id)!;
        Assert.Equal(HandoffStatus.Completed, record.Status);
        Assert.Equal(AcceptFrom.AddMinutes(6), record.CompletedAt);
        Assert.Equal(66, record.LatencySimulatedMinutes);
        Assert.Equal(700, record.LatencyWallMilliseconds);
        Assert.Null(book.NextDeadline());
    }

    [Fact]
    public void The_last_item_taken_over_completes_the_handoff_even_before_the_desk_says_so()
    {
        var book = OpenedAndBriefed("INC-1", "INC-2");
        book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));

        // One intake finishing while another item is still under review completes nothing.
        Assert.False(book.Completed(Id, AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300)));
        Assert.Equal(HandoffStatus.Briefed, book.Find(Id)!.Status);

        book.ItemAccepted(Id, "INC-2", AcceptFrom.AddMinutes(7), SentAtWall, SentAtWall.AddMilliseconds(800));
        var record = book.Find(Id)!;
        Assert.Equal((HandoffStatus.Completed, 67.0), (record.Status, record.LatencySimulatedMinutes!.Value));
    }

    [Fact]
    public void A_repeated_or_earlier_completion_is_ignored()
    {
        var book = OpenedAndBriefed("INC-1");
        book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));
        book.Completed(Id, AcceptFrom.AddMinutes(6), SentAtWall, SentAtWall.AddMilliseconds(700));

        Assert.False(book.Completed(Id, AcceptFrom.AddMinutes(6), SentAtWall, SentAtWall.AddMilliseconds(900)));
        Assert.False(book.Completed(Id, AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300)));

        Assert.Equal(700, book.Find(Id)!.LatencyWallMilliseconds);
    }

    [Fact]
    public void A_supplement_after_completion_reopens_the_handoff_until_it_completes_again()
    {
        var book = OpenedAndBriefed("INC-1");
        book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));
        book.Completed(Id, AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));

        Assert.True(book.Briefed(Id, ["INC-1"], SentAtWall.AddSeconds(2)));
        Assert.Equal(HandoffStatus.Completed, book.Find(Id)!.Status);

        Assert.True(book.Briefed(Id, ["INC-2"], SentAtWall.AddSeconds(2)));
        Assert.Equal(HandoffStatus.Briefed, book.Find(Id)!.Status);
        Assert.Equal(AcceptFrom + Window, book.NextDeadline());
        Assert.False(book.Completed(Id, AcceptFrom.AddMinutes(8), SentAtWall.AddSeconds(2), SentAtWall.AddSeconds(3)));
        Assert.Equal(HandoffStatus.Briefed, book.Find(Id)!.Status);

        book.ItemAccepted(Id, "INC-2", AcceptFrom.AddMinutes(9), SentAtWall.AddSeconds(2), SentAtWall.AddSeconds(2.5));
        Assert.True(book.Completed(Id, AcceptFrom.AddMinutes(10), SentAtWall.AddSeconds(2), SentAtWall.AddSeconds(3)));
        var record = book.Find(Id)!;
        Assert.Equal(HandoffStatus.Completed, record.Status);
        Assert.Equal(70, record.LatencySimulatedMinutes);
        Assert.Equal(3000, record.LatencyWallMilliseconds);
    }

    [Fact]
    public void Only_open_handoffs_have_a_deadline_to_watch_and_each_is_swept_once()
    {
        const string Later = "HO-20260114T0000Z-us-my";
        var book = OpenedAndBriefed("INC-1");
        book.Open(Later, "us", "my", ShiftEnd.AddHours(12), AcceptFrom.AddHours(12), Window);
        book.Briefed(Later, ["INC-2"], SentAtWall);
        Assert.Equal(AcceptFrom + Window, book.NextDeadline());

        book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));
        book.Completed(Id, AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));
        Assert.Equal(AcceptFrom.AddHours(12) + Window, book.NextDeadline());

        var swept = book.EscalateOverdue(AcceptFrom.AddDays(1));
        Assert.Equal([(Later, "INC-2")], swept.Select(e => (e.HandoffId, e.IncidentId!)));
        Assert.Null(book.NextDeadline());
        Assert.Empty(book.EscalateOverdue(AcceptFrom.AddDays(2)));

        // A supplement re-opens the completed handoff: it is watched again, with a window of its own.
        var supplementAt = AcceptFrom.AddDays(2);
        book.Briefed(Id, ["INC-3"], SentAtWall.AddSeconds(5), supplementAt);
        Assert.Equal(supplementAt + Window, book.NextDeadline());
        Assert.Equal([(Id, "INC-3")], book.EscalateOverdue(supplementAt + Window).Select(e => (e.HandoffId, e.IncidentId!)));
        Assert.Equal(HandoffStatus.Escalated, book.Find(Later)!.Status);
    }

    [Fact]
    public void The_first_briefing_keeps_the_window_of_the_shift_change()
    {
        var book = new HandoffBook();
        book.Open(Id, "my", "us", ShiftEnd, AcceptFrom, Window);

        book.Briefed(Id, ["INC-1"], SentAtWall, AcceptFrom.AddMinutes(2));

        Assert.Equal(AcceptFrom + Window, book.NextDeadline());
    }

    [Fact]
    public void A_supplement_sent_late_gets_a_full_window_from_when_it_was_sent()
    {
        var book = OpenedAndBriefed("INC-1");
        var late = AcceptFrom + Window + TimeSpan.FromMinutes(5);

        book.Briefed(Id, ["INC-2"], SentAtWall.AddSeconds(9), late);

        Assert.Equal(late + Window, book.NextDeadline());
        Assert.Empty(book.EscalateOverdue(late + Window - TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void An_acceptance_booked_before_its_briefing_is_kept_and_not_escalated()
    {
        var book = new HandoffBook();
        book.Open(Id, "my", "us", ShiftEnd, AcceptFrom, Window);

        Assert.Equal(HandoffAcceptance.Accepted, book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(40)));
        Assert.True(book.Completed(Id, AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(40)));
        book.Briefed(Id, ["INC-1"], SentAtWall);

        var record = book.Find(Id)!;
        Assert.Equal(HandoffStatus.Completed, record.Status);
        Assert.Equal(63, Assert.Single(record.Items).LatencySimulatedMinutes);
        Assert.Empty(book.EscalateOverdue(AcceptFrom + Window + Window));
    }

    [Fact]
    public void NextDeadline_is_the_earliest_deadline_of_an_open_handoff()
    {
        var book = new HandoffBook();
        Assert.Null(book.NextDeadline());

        book.Open("HO-late", "us", "my", ShiftEnd.AddHours(13), ShiftEnd.AddHours(13), Window);
        book.Open(Id, "my", "us", ShiftEnd, AcceptFrom, Window);
        Assert.Equal(AcceptFrom + Window, book.NextDeadline());

        book.Briefed(Id, [], SentAtWall);
        book.Completed(Id, AcceptFrom, SentAtWall, SentAtWall);
        Assert.Equal(ShiftEnd.AddHours(13) + Window, book.NextDeadline());
    }

    [Fact]
    public void Nothing_is_escalated_before_the_deadline()
    {
        var book = OpenedAndBriefed("INC-1");

        Assert.Empty(book.EscalateOverdue(AcceptFrom + Window - TimeSpan.FromTicks(1)));
        Assert.Equal(HandoffStatus.Briefed, book.Find(Id)!.Status);
    }

    [Fact]
    public void After_the_deadline_unaccepted_items_are_escalated_and_accepted_ones_are_not()
    {
        var book = OpenedAndBriefed("INC-1", "INC-2", "INC-3");
        book.ItemAccepted(Id, "INC-2", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));

        var escalations = book.EscalateOverdue(AcceptFrom + Window);

        Assert.Equal(["INC-1", "INC-3"], escalations.Select(e => e.IncidentId));
        Assert.All(escalations, e =>
        {
            Assert.Equal(Id, e.HandoffId);
            Assert.Equal("my", e.FromDeskId);
            Assert.Equal("us", e.ToDeskId);
            Assert.Equal(AcceptFrom + Window, e.At);
        });
        var record = book.Find(Id)!;
        Assert.Equal(HandoffStatus.Escalated, record.Status);
        Assert.Equal([true, false, true], record.Items.Select(i => i.Escalated));
        Assert.Null(book.NextDeadline());
    }

    [Fact]
    public void Items_the_incoming_desk_never_took_over_are_left_with_it_once_the_window_closes()
    {
        var book = OpenedAndBriefed("INC-1", "INC-2", "INC-3");
        book.ItemAccepted(Id, "INC-2", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));

        Assert.Empty(book.LeftWith("us"));
        book.EscalateOverdue(AcceptFrom + Window);

        Assert.Equal(["INC-1", "INC-3"], book.LeftWith("us"));
        Assert.Equal(["INC-1", "INC-3"], book.LeftWith("US"));
        Assert.Empty(book.LeftWith("my"));
    }

    [Fact]
    public void A_handoff_without_a_briefing_is_escalated_as_a_whole()
    {
        var book = new HandoffBook();
        book.Open(Id, "my", "us", ShiftEnd, AcceptFrom, Window);

        var escalation = Assert.Single(book.EscalateOverdue(AcceptFrom.AddHours(2)));

        Assert.Null(escalation.IncidentId);
        Assert.Equal(Id, escalation.HandoffId);
        Assert.Equal(AcceptFrom + Window, escalation.At);
        Assert.Equal(HandoffStatus.Escalated, book.Find(Id)!.Status);
    }

    [Fact]
    public void An_escalated_handoff_is_escalated_once_and_cannot_complete()
    {
        var book = OpenedAndBriefed("INC-1");
        book.EscalateOverdue(AcceptFrom + Window);

        Assert.Empty(book.EscalateOverdue(AcceptFrom + Window + Window));
        Assert.False(book.Completed(Id, AcceptFrom + Window, SentAtWall, SentAtWall.AddSeconds(1)));
        Assert.Equal(HandoffStatus.Escalated, book.Find(Id)!.Status);
    }

    [Fact]
    public void An_acceptance_made_in_time_but_heard_of_after_the_window_closed_withdraws_the_escalation()
    {
        var book = OpenedAndBriefed("INC-1");
        book.EscalateOverdue(AcceptFrom + Window);

        var outcome = book.ItemAccepted(Id, "INC-1", AcceptFrom + Window - TimeSpan.FromMinutes(1), SentAtWall, SentAtWall.AddMilliseconds(800));

        Assert.Equal(HandoffAcceptance.EscalationWithdrawn, outcome);
        var record = book.Find(Id)!;
        Assert.Equal(HandoffStatus.Completed, record.Status);
        Assert.False(Assert.Single(record.Items).Escalated);
        Assert.Equal(Window.TotalMinutes + 59, record.LatencySimulatedMinutes);
    }

    [Fact]
    public void An_acceptance_after_the_deadline_is_recorded_but_stays_escalated()
    {
        var book = OpenedAndBriefed("INC-1");
        book.EscalateOverdue(AcceptFrom + Window);

        var outcome = book.ItemAccepted(Id, "INC-1", AcceptFrom + Window + TimeSpan.FromMinutes(5), SentAtWall, SentAtWall.AddSeconds(2));

        Assert.Equal(HandoffAcceptance.AcceptedLate, outcome);
        var record = book.Find(Id)!;
        Assert.Equal(HandoffStatus.Escalated, record.Status);
        var item = Assert.Single(record.Items);
        Assert.True(item.Escalated);
        Assert.NotNull(item.AcceptedAt);
    }

    [Fact]
    public void A_handoff_whose_items_were_all_accepted_completes_at_the_deadline_instead_of_escalating()
    {
        var book = OpenedAndBriefed("INC-1", "INC-2");
        book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(30));
        book.ItemAccepted(Id, "INC-2", AcceptFrom.AddMinutes(6), SentAtWall, SentAtWall.AddMilliseconds(60));

        Assert.Empty(book.EscalateOverdue(AcceptFrom + Window));

        var record = book.Find(Id)!;
        Assert.Equal(HandoffStatus.Completed, record.Status);
        Assert.Equal(AcceptFrom.AddMinutes(6), record.CompletedAt);
        Assert.Equal(60, record.LatencyWallMilliseconds);
    }

    [Fact]
    public void Completed_handoffs_are_not_escalated()
    {
        var book = OpenedAndBriefed("INC-1");
        book.ItemAccepted(Id, "INC-1", AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));
        book.Completed(Id, AcceptFrom.AddMinutes(3), SentAtWall, SentAtWall.AddMilliseconds(300));

        Assert.Empty(book.EscalateOverdue(AcceptFrom.AddDays(1)));
        Assert.Equal(HandoffStatus.Completed, book.Find(Id)!.Status);
    }

    [Fact]
    public void Items_briefed_after_the_window_closed_without_a_briefing_are_escalated_on_arrival_and_stay_so_when_accepted()
    {
        var book = new HandoffBook();
        book.Open(Id, "my", "us", ShiftEnd, AcceptFrom, Window);
        var deadline = AcceptFrom + Window;
        Assert.Single(book.EscalateOverdue(deadline));

        book.Briefed(Id, ["INC-1"], SentAtWall, deadline.AddMinutes(30));
        var escalations = book.EscalateLateArrivals(Id, ["INC-1"], deadline.AddMinutes(30));
        var acceptance = book.ItemAccepted(Id, "INC-1", deadline.AddMinutes(33), SentAtWall, SentAtWall.AddSeconds(1));

        Assert.Equal("INC-1", Assert.Single(escalations).IncidentId);
        Assert.Empty(book.EscalateLateArrivals(Id, ["INC-1"], deadline.AddMinutes(31)));
        Assert.Equal(HandoffAcceptance.AcceptedLate, acceptance);
        var record = Assert.Single(book.All);
        Assert.Equal(HandoffStatus.Escalated, record.Status);
        Assert.True(Assert.Single(record.Items).Escalated);
    }

    [Fact]
    public void An_open_handoff_has_no_late_arrivals()
    {
        var book = OpenedAndBriefed("INC-1");

        Assert.Empty(book.EscalateLateArrivals(Id, ["INC-1"], AcceptFrom));
    }
}
