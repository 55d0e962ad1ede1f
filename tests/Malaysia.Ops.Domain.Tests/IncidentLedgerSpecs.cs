using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Tests;

public class IncidentLedgerSpecs
{
    private static readonly DateTimeOffset RaisedAt = new(2026, 1, 13, 12, 30, 0, TimeSpan.Zero);

    private static IncidentLedger WithOneIncident()
    {
        var ledger = new IncidentLedger();
        ledger.Raise("INC-00001", IncidentType.GpuNodeFailure, Severity.Sev2, RaisedAt);
        return ledger;
    }

    [Fact]
    public void An_incident_is_raised_once_and_a_second_raise_is_counted_as_a_duplicate()
    {
        var ledger = new IncidentLedger();

        Assert.True(ledger.Raise("INC-00001", IncidentType.GpuNodeFailure, Severity.Sev2, RaisedAt));
        Assert.False(ledger.Raise("INC-00001", IncidentType.ModelDrift, Severity.Sev4, RaisedAt.AddMinutes(1)));

        Assert.Equal(1, ledger.Count);
        Assert.Equal(1, ledger.DuplicatesIgnored);
        var record = ledger.Find("INC-00001");
        Assert.NotNull(record);
        Assert.Equal(IncidentType.GpuNodeFailure, record.Type);
        Assert.Equal(Severity.Sev2, record.Severity);
        Assert.Equal(RaisedAt, record.RaisedAt);
        Assert.Equal(IncidentStatus.Open, record.Status);
    }

    [Fact]
    public void Incidents_are_listed_in_the_order_they_were_raised()
    {
        var ledger = new IncidentLedger();
        ledger.Raise("INC-00002", IncidentType.GpuNodeFailure, Severity.Sev3, RaisedAt);
        ledger.Raise("INC-00001", IncidentType.GpuNodeFailure, Severity.Sev3, RaisedAt);
        ledger.Raise("INC-00003", IncidentType.GpuNodeFailure, Severity.Sev3, RaisedAt);

        Assert.Equal(["INC-00002", "INC-00001", "INC-00003"], ledger.All.Select(r => r.IncidentId));
    }

    [Fact]
    public void Assign_keeps_the_first_desk()
    {
        var ledger = WithOneIncident();

        Assert.True(ledger.Assign("INC-00001", "us", arrivedInCoverageGap: true));
        Assert.False(ledger.Assign("INC-00001", "my", arrivedInCoverageGap: false));

        var record = ledger.Find("INC-00001")!;
        Assert.Equal("us", record.AssignedDeskId);
        Assert.Equal("us", record.OwnerDeskId);
        Assert.True(record.ArrivedInCoverageGap);
        Assert.Equal(1, ledger.DuplicatesIgnored);
    }

    [Fact]
    public void Acknowledge_keeps_the_first_instant()
    {
        var ledger = WithOneIncident();

        Assert.True(ledger.Acknowledge("INC-00001", RaisedAt.AddMinutes(30)));
        Assert.False(ledger.Acknowledge("INC-00001", RaisedAt.AddMinutes(40)));

        Assert.Equal(RaisedAt.AddMinutes(30), ledger.Find("INC-00001")!.AcknowledgedAt);
        Assert.Equal(1, ledger.DuplicatesIgnored);
    }

    [Fact]
    public void Resolving_twice_is_ignored_the_second_time()
    {
        var ledger = WithOneIncident();
        ledger.Assign("INC-00001", "us", arrivedInCoverageGap: false);

        Assert.True(ledger.Resolve("INC-00001", "us", RaisedAt.AddHours(1)));
        Assert.False(ledger.Resolve("INC-00001", "my", RaisedAt.AddHours(2)));

        var record = ledger.Find("INC-00001")!;
        Assert.Equal(IncidentStatus.Resolved, record.Status);
        Assert.Equal(RaisedAt.AddHours(1), record.ResolvedAt);
        Assert.Equal("us", record.ResolvedByDeskId);
        Assert.Equal(1, ledger.DuplicatesIgnored);
    }

    [Fact]
    public void Resolving_an_unacknowledged_incident_acknowledges_it_at_the_same_instant()
    {
        var ledger = WithOneIncident();

        ledger.Resolve("INC-00001", "us", RaisedAt.AddHours(1));

        Assert.Equal(RaisedAt.AddHours(1), ledger.Find("INC-00001")!.AcknowledgedAt);
    }

    [Fact]
    public void Events_for_unknown_incidents_are_counted_and_change_nothing()
    {
        var ledger = WithOneIncident();

        Assert.False(ledger.Assign("INC-09999", "us", arrivedInCoverageGap: false));
        Assert.False(ledger.Acknowledge("INC-09999", RaisedAt));
        Assert.False(ledger.ChangeOwner("INC-09999", "my"));
        Assert.False(ledger.Escalate("INC-09999"));
        Assert.False(ledger.Resolve("INC-09999", "us", RaisedAt));

        Assert.Equal(5, ledger.UnknownIncidentEvents);
        Assert.Equal(0, ledger.DuplicatesIgnored);
        Assert.Equal(1, ledger.Count);
        Assert.Null(ledger.Find("INC-09999"));
    }

    [Fact]
    public void HandOver_moves_the_incident_and_counts_every_shift_change_to_another_desk_or_the_same()
    {
        var ledger = WithOneIncident();
        ledger.Assign("INC-00001", "my", arrivedInCoverageGap: false);

        Assert.True(ledger.HandOver("INC-00001", "us"));
        Assert.True(ledger.HandOver("INC-00001", "my"));
        Assert.True(ledger.HandOver("INC-00001", "my"));

        var record = ledger.Find("INC-00001")!;
        Assert.Equal("my", record.OwnerDeskId);
        Assert.Equal("my", record.AssignedDeskId);
        Assert.Equal(3, record.TimesHandedOver);
        Assert.Equal(0, ledger.DuplicatesIgnored);
    }

    [Fact]
    public void ChangeOwner_moves_the_incident_without_counting_a_shift_change()
    {
        var ledger = WithOneIncident();
        ledger.Assign("INC-00001", "my", arrivedInCoverageGap: false);

        Assert.True(ledger.ChangeOwner("INC-00001", "us"));

        var record = ledger.Find("INC-00001")!;
        Assert.Equal("us", record.OwnerDeskId);
        Assert.Equal(0, record.TimesHandedOver);
    }

    [Fact]
    public void ChangeOwner_to_the_current_owner_is_a_duplicate()
    {
        var ledger = WithOneIncident();
        ledger.Assign("INC-00001", "my", arrivedInCoverageGap: false);

        Assert.False(ledger.ChangeOwner("INC-00001", "my"));

        Assert.Equal(0, ledger.Find("INC-00001")!.TimesHandedOver);
        Assert.Equal(1, ledger.DuplicatesIgnored);
    }

    [Fact]
    public void A_handover_heard_of_after_the_new_owner_resolved_the_incident_still_counts()
    {
        var ledger = WithOneIncident();
        ledger.Assign("INC-00001", "my", arrivedInCoverageGap: false);
        ledger.Resolve("INC-00001", "us", RaisedAt.AddHours(1));

        Assert.True(ledger.HandOver("INC-00001", "us"));

        var record = ledger.Find("INC-00001")!;
        Assert.Equal(1, record.TimesHandedOver);
        Assert.Equal("us", record.OwnerDeskId);
        Assert.Equal(IncidentStatus.Resolved, record.Status);
    }

    [Fact]
    public void An_acknowledgement_heard_of_after_the_resolution_keeps_the_earlier_instant()
    {
        var ledger = WithOneIncident();
        ledger.Resolve("INC-00001", "my", RaisedAt.AddHours(1));

        Assert.True(ledger.Acknowledge("INC-00001", RaisedAt.AddMinutes(5)));

        Assert.Equal(RaisedAt.AddMinutes(5), ledger.Find("INC-00001")!.AcknowledgedAt);
    }

    [Fact]
    public void A_withdrawn_escalation_is_taken_off_the_count()
    {
        var ledger = WithOneIncident();
        ledger.Escalate("INC-00001");

        Assert.True(ledger.WithdrawEscalation("INC-00001"));
        Assert.False(ledger.WithdrawEscalation("INC-00001"));

        Assert.Equal(0, ledger.Find("INC-00001")!.Escalations);
    }

    [Fact]
    public void Escalations_accumulate()
    {
        var ledger = WithOneIncident();

        Assert.True(ledger.Escalate("INC-00001"));
        Assert.True(ledger.Escalate("INC-00001"));

        Assert.Equal(2, ledger.Find("INC-00001")!.Escalations);
    }

    [Fact]
    public void Work_starts_are_kept_in_time_order_whatever_order_they_are_heard_in()
    {
        var ledger = WithOneIncident();

        Assert.True(ledger.StartWork("INC-00001", "my", RaisedAt.AddMinutes(40)));
        Assert.True(ledger.StartWork("INC-00001", "us", RaisedAt.AddMinutes(10)));
        Assert.False(ledger.StartWork("INC-00001", "us", RaisedAt.AddMinutes(10)));

        var record = ledger.Find("INC-00001")!;
        Assert.Equal([new WorkStart("us", RaisedAt.AddMinutes(10)), new WorkStart("my", RaisedAt.AddMinutes(40))], record.WorkStarts!);
        Assert.Equal(RaisedAt.AddMinutes(10), record.WorkStartedAt);
        Assert.Equal(1, ledger.DuplicatesIgnored);
    }

    [Fact]
    public void The_desk_whose_acknowledgement_is_booked_is_recorded_and_a_page_keeps_its_instant()
    {
        var ledger = WithOneIncident();

        ledger.Acknowledge("INC-00001", RaisedAt.AddMinutes(5), "my");
        ledger.Acknowledge("INC-00001", RaisedAt.AddMinutes(3), "us");
        ledger.EscalateBeforeBreach("INC-00001", "us", paged: true, RaisedAt.AddMinutes(2));

        var record = ledger.Find("INC-00001")!;
        Assert.Equal("us", record.AcknowledgedByDeskId);
        Assert.Equal(RaisedAt.AddMinutes(2), record.PagedAt);
    }
}
