using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Desks;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Domain.Staffing;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Staff that differs by shift, several incidents per engineer, and what it costs.</summary>
public class DeskStaffingSpecs
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // 13 July 2026, 06:00 in New York (EDT, UTC-4).
    private static readonly DateTimeOffset NightInNewYork = new(2026, 7, 13, 10, 0, 0, TimeSpan.Zero);

    private static readonly (ShiftPattern Shift, int Engineers)[] DayAndNight =
        [(Pattern("08:00-20:00"), 4), (Pattern("20:00-08:00"), 2)];

    private static ShiftPattern Pattern(string text) => ShiftPattern.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    [Fact]
    public void Each_shift_has_its_own_staff_in_local_time()
    {
        var staffing = DeskStaffing.ByShift("us", NewYork, DayAndNight);

        Assert.Equal(2, staffing.EngineersAt(NightInNewYork));
        Assert.Equal(4, staffing.EngineersAt(NightInNewYork.AddHours(3)));
        Assert.Equal(NightInNewYork.AddHours(2), staffing.NextChangeAfter(NightInNewYork));
        Assert.Equal(4, staffing.Most);
    }

    [Fact]
    public void Work_waiting_for_the_night_shift_starts_when_the_day_shift_brings_more_engineers()
    {
        var desk = new DeskModel("us", 4, staffing: DeskStaffing.ByShift("us", NewYork, DayAndNight));
        var events = new List<DeskEvent>();
        for (var i = 1; i <= 3; i++)
        {
            events.AddRange(desk.Assign($"INC-{i}", IncidentType.DataPipelineLag, Severity.Sev3, 240, NightInNewYork, NightInNewYork));
        }

        events.AddRange(desk.Advance(NightInNewYork.AddHours(3)));

        var starts = events.OfType<WorkStarted>().ToList();
        Assert.Equal([NightInNewYork, NightInNewYork, NightInNewYork.AddHours(2)], starts.Select(s => s.At));
    }

    [Fact]
    public void An_engineer_can_work_several_incidents_at_once()
    {
        var at = new DateTimeOffset(2026, 7, 13, 2, 0, 0, TimeSpan.Zero);
        var desk = new DeskModel("my", 1, incidentsPerEngineer: 2);

        var events = new List<DeskEvent>();
        for (var i = 1; i <= 3; i++)
        {
            events.AddRange(desk.Assign($"INC-{i}", IncidentType.DataPipelineLag, Severity.Sev3, 30, at, at));
        }

        events.AddRange(desk.Advance(at.AddHours(2)));

        Assert.Equal([at, at, at.AddMinutes(30)], events.OfType<WorkStarted>().Select(s => s.At));
    }

    [Fact]
    public void The_cost_counts_each_shifts_own_staff()
    {
        var plan = new DeskPlan("us", "US", "America/New_York", ["08:00-20:00", "20:00-08:00"], 4, 3, new StaffCost(100, 0, 0), EngineersByShift: [4, 2]);
        var roster = Roster.Create([new DeskRoster("us", "US", NewYork, [Pattern("08:00-20:00"), Pattern("20:00-08:00")])]);
        var monday = new DateTimeOffset(2026, 7, 13, 12, 0, 0, TimeSpan.Zero);

        var cost = Assert.Single(StaffingCost.Of([plan], roster, monday, monday.AddDays(1)));

        // 12 hours by 4 engineers and 12 hours by 2, at 100 an hour.
        Assert.Equal((72.0, 7200.0), (cost.EngineerHours, cost.Cost));
    }
}
