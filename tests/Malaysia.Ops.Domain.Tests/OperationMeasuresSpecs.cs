using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Ledger;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Tests;

public class OperationMeasuresSpecs
{
    // A Monday; the desk keeps UTC, so local hours read as written.
    private static readonly DateTimeOffset Monday = new(2026, 7, 6, 0, 0, 0, TimeSpan.Zero);

    private static readonly DeskPlan Desk = new("a", "A", "Etc/UTC", ["08:00-16:00", "16:00-20:00"], 2, 3, new StaffCost(100, 0, 0), EngineersByShift: [2, 1]);

    private static DateTimeOffset At(double hours) => Monday.AddHours(hours);

    private static IncidentRecord Incident(string id, double raised, double? acknowledged, double? resolved, params double[] starts) =>
        new(id, IncidentType.ModelDrift, Severity.Sev3, At(raised), resolved is null ? IncidentStatus.Open : IncidentStatus.Resolved,
            "a", "a", false, acknowledged is { } a ? At(a) : null, resolved is { } r ? At(r) : null, resolved is null ? null : "a", 0, 0,
            AcknowledgedByDeskId: acknowledged is null ? null : "a",
            WorkStarts: starts.Length == 0 ? null : starts.Select(s => new WorkStart("a", At(s))).ToList());

    private static LedgerSnapshot Ledger(IReadOnlyList<IncidentRecord> incidents, IReadOnlyList<HandoffRecord> handoffs) =>
        new("run", At(24), At(24), RunSummary.Of(incidents, handoffs, At(24)), incidents, handoffs);

    private static HandoffRecord HandoffAt(double hours, params string[] incidentIds) =>
        new($"h-{hours}", "a", "a", At(hours), At(hours), At(hours + 1), HandoffStatus.Completed, null,
            incidentIds.Select(id => new HandoffItemRecord(id, At(hours), 0, null, false)).ToList(), At(hours), 0, null);

    private static OperationMeasures Measures() => OperationMeasuresBuilder.Of([Desk], Sample(), At(8), At(32));

    private static LedgerSnapshot Sample() =>
        Ledger(
            [
                // Waits 30 min, worked 2 h in the day shift.
                Incident("INC-1", 8, 8, 10.5, 8.5),

                // Worked 1 h, handed over at 16:00, worked 1 h more by the evening shift.
                Incident("INC-2", 15, 15, 17.17, 15, 16.17),

                // Paged at 22:15, taken by the on-call at 22:30: not the shift's engineer time.
                Incident("INC-3", 22, 22.5, 23, 22.5) with { Paged = true, PagedAt = At(22.25) },

                // Never started.
                Incident("INC-4", 19, 19, null),

                // Still worked when the evening shift ends, with no handoff heard of: counted to 20:00.
                Incident("INC-5", 19.5, 19.5, null, 19.5),
            ],
            [HandoffAt(16, "INC-2")]);

    [Fact]
    public void Utilisation_is_busy_engineer_hours_over_engineer_hours_on_duty_per_shift()
    {
        var measures = Measures();

        var day = measures.Shifts.Single(s => s.Shift == "08:00-16:00");
        Assert.Equal(16, day.StaffedEngineerHours);
        Assert.Equal(3, day.BusyEngineerHours);
        Assert.Equal(0.1875, day.Utilisation);

        var evening = measures.Shifts.Single(s => s.Shift == "16:00-20:00");
        Assert.Equal(4, evening.StaffedEngineerHours);
        Assert.Equal(1.5, evening.BusyEngineerHours, 2);
        Assert.Equal(0.375, evening.Utilisation!.Value, 3);

        Assert.Equal(0.225, measures.Utilisation!.Value, 3);
    }

    [Fact]
    public void Queue_wait_runs_from_raised_to_the_first_start_and_belongs_to_the_shift_that_started_it()
    {
        var measures = Measures();

        Assert.Equal(new QueueWaitFigures(2, 0, 30, 15), measures.Shifts.Single(s => s.Shift == "08:00-16:00").QueueWait);
        Assert.Equal(new QueueWaitFigures(1, 0, 0, 0), measures.Shifts.Single(s => s.Shift == "16:00-20:00").QueueWait);
        var onCall = measures.Shifts.Single(s => s.Shift == OperationMeasuresBuilder.OnCall);
        Assert.Equal(new QueueWaitFigures(1, 30, 30, 30), onCall.QueueWait);
        Assert.Null(onCall.Utilisation);

        Assert.Equal(new QueueWaitFigures(4, 0, 30, 15), measures.QueueWait);
        Assert.Equal(1, measures.StillWaitingAtEnd);
    }

    [Fact]
    public void Interruptions_are_counted_by_the_local_time_the_desk_took_them_and_night_pages_by_desk()
    {
        Assert.Equal([new DeskInterruptions("a", BusinessHours: 2, OffHours: 2, SleepHours: 1, Pages: 1, PagesAtNight: 1)], Measures().Interruptions);
    }

    [Fact]
    public void A_desk_in_another_zone_counts_its_interruptions_in_its_own_local_time()
    {
        // 14:00 UTC on a Monday is 22:00 in Kuala Lumpur: sleep hours there.
        var kualaLumpur = Desk with { TimeZone = "Asia/Kuala_Lumpur" };
        var measures = OperationMeasuresBuilder.Of([kualaLumpur], Ledger([Incident("INC-1", 14, 14, null)], []), At(0), At(24));

        Assert.Equal([new DeskInterruptions("a", 0, 0, 1, 0, 0)], measures.Interruptions);
    }

    [Theory]
    [InlineData(0, 7, 59, InterruptionHours.Sleep)]
    [InlineData(0, 8, 0, InterruptionHours.Business)]
    [InlineData(4, 17, 59, InterruptionHours.Business)]
    [InlineData(0, 18, 0, InterruptionHours.Off)]
    [InlineData(0, 21, 59, InterruptionHours.Off)]
    [InlineData(0, 22, 0, InterruptionHours.Sleep)]
    [InlineData(5, 10, 0, InterruptionHours.Off)]
    [InlineData(6, 8, 0, InterruptionHours.Off)]
    [InlineData(5, 23, 0, InterruptionHours.Sleep)]
    public void Business_off_and_sleep_hours_are_pagerduty_s(int daysAfterMonday, int hour, int minute, InterruptionHours expected)
    {
        Assert.Equal(expected, InterruptionHoursOf.At(Monday.AddDays(daysAfterMonday).AddHours(hour).AddMinutes(minute)));
    }

    [Fact]
    public void Two_incidents_per_engineer_halve_the_engineer_time_an_incident_takes()
    {
        var pairs = Desk with { IncidentsPerEngineer = 2 };
        var measures = OperationMeasuresBuilder.Of([pairs], Ledger([Incident("INC-1", 8, 8, 10, 8)], []), At(8), At(16));

        Assert.Equal(1, measures.Shifts[0].BusyEngineerHours);
        Assert.Equal(0.0625, measures.Shifts[0].Utilisation);
    }

    [Fact]
    public void Utilisation_queue_wait_and_night_interruptions_are_headline_figures_overall_and_per_desk()
    {
        var ledger = Sample();
        var topology = TopologyReportBuilder.Build("t", "one desk", [Desk], ledger, At(8), At(32));

        var figures = HeadlineFigures.Of(topology, ledger);

        Assert.Equal(0.225, figures["utilisation"], 3);
        Assert.Equal(0.225, figures["utilisation.a"], 3);
        Assert.Equal(0, figures["queueWaitP50Minutes"]);
        Assert.Equal(30, figures["queueWaitP95Minutes"]);
        Assert.Equal(15, figures["queueWaitMeanMinutes"]);
        Assert.Equal(15, figures["queueWaitMeanMinutes.a"]);
        Assert.Equal(1, figures["interruptionsInSleepHours.a"]);
        Assert.Equal(1, figures["pagesAtNight.a"]);
    }
}
