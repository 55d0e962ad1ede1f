using Malaysia.Ops.Domain.Forecast;

namespace Malaysia.Ops.Scenarios.Tests;

/// <summary>The shipped holiday calendars, a desk's holidays in a scenario, and the coverage
/// forecast of 2027 on them.</summary>
public class HolidayCalendarSpecs
{
    [Fact]
    public void The_us_federal_and_malaysian_national_calendars_ship_for_2026_to_2028()
    {
        Assert.Equal(["my-national", "us-federal"], HolidayCalendars.Names);
        var us = HolidayCalendars.Find("us-federal")!;
        Assert.Equal(12, us.Days.Count(d => d.Date.Year == 2027));
        Assert.Equal("Thanksgiving Day", us.On(new DateOnly(2027, 11, 25))?.Name);
        Assert.Equal("New Year's Day (observed)", us.On(new DateOnly(2027, 12, 31))?.Name);
        var my = HolidayCalendars.Find("my-national")!;
        Assert.Equal("Hari Raya Aidilfitri", my.On(new DateOnly(2027, 3, 10))?.Name);
        Assert.Equal("National Day", my.On(new DateOnly(2028, 8, 31))?.Name);
        Assert.All([us, my], c => Assert.Equal([2026, 2027, 2028], c.Days.Select(d => d.Date.Year).Distinct()));
    }

    [Fact]
    public void A_wrong_calendar_line_is_one_line_naming_the_calendar_and_the_line()
    {
        var problem = Assert.Throws<FormatException>(() => HolidayCalendars.Parse("x", "# c\ndate,rule,name\n2027-02-30,fixed,Nope\n"));

        Assert.Equal("holiday calendar x, line 3: '2027-02-30' is not a date (expected yyyy-MM-dd)", problem.Message);
    }

    [Fact]
    public void A_desk_keeps_a_shipped_calendar_and_the_scenario_adds_its_own_days()
    {
        var scenario = TestScenario.Parse(TestScenario.With("id: my", "id: my\n    holidays: my-national\n    holidayEngineers: 1")
            + "holidays:\n  - { calendar: my-national, date: 2027-04-01, name: Company day }\n");

        Assert.Equal(("my-national", 1), (scenario.Desks[1].Holidays, scenario.Desks[1].HolidayEngineers));
        var calendar = Assert.Single(scenario.Calendars!);
        Assert.Equal("Company day", calendar.On(new DateOnly(2027, 4, 1))?.Name);
        Assert.Equal("Labour Day", calendar.On(new DateOnly(2027, 5, 1))?.Name);
        Assert.Null(scenario.Desks[0].Holidays);
    }

    [Theory]
    [InlineData("id: my", "id: my\n    holidays: uk-bank", "test.yaml:12:5: desks[1].holidays: 'uk-bank' is not a holiday calendar (expected one of: my-national, us-federal)")]
    [InlineData("id: my", "id: my\n    holidayEngineers: -1", "test.yaml:12:5: desks[1].holidayEngineers: '-1' is out of range (must be from 0 to 1000)")]
    [InlineData("days: 2", "days: 2\nholidays: [{ calendar: my-national, date: 2027-02-30, name: x }]", "test.yaml:5:37: holidays[0].date: '2027-02-30' is not a date (expected yyyy-MM-dd, e.g. 2027-12-24)")]
    public void A_wrong_holiday_field_is_reported_at_its_line(string text, string replacement, string expected)
    {
        Assert.Equal([expected], TestScenario.ProblemsOf(TestScenario.With(text, replacement)));
    }

    [Fact]
    public void The_2027_forecast_lists_the_us_clock_changes_and_a_malaysian_holiday()
    {
        var scenario = TestScenario.Parse(TestScenario.With("id: my", "id: my\n    holidays: my-national"));

        var changes = CoverageForecast.For(scenario.Desks, scenario.Calendars!, new DateOnly(2027, 1, 1)).SelectMany(w => w.Changes).ToList();

        Assert.Equal(
            [new DateOnly(2027, 3, 14), new DateOnly(2027, 11, 7)],
            changes.Where(c => c.Kind == CoverageChangeKind.DaylightSaving).Select(c => c.Date));
        Assert.Contains(changes, c => c.Kind == CoverageChangeKind.Holiday && c.DeskId == "my" && c.Date == new DateOnly(2027, 3, 10) && c.What.StartsWith("Hari Raya Aidilfitri", StringComparison.Ordinal));
    }
}
