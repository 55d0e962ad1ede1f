using Malaysia.Ops.Domain.Forecast;
using Malaysia.Ops.Domain.Holidays;
using Malaysia.Ops.Domain.Reporting;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.Reporting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The coverage forecast in report.json, report.html and the terminal summary: the
/// sample run's two desks on 08:00-20:00 local over 2027, the Malaysian desk closed on Hari Raya
/// Aidilfitri.</summary>
public sealed class ForecastReportSpecs
{
    private static readonly DeskPlan Us = new("us", "New York", "America/New_York", ["08:00-20:00"], 4, 5, StaffCost.None);
    private static readonly DeskPlan My = new("my", "Kuala Lumpur", "Asia/Kuala_Lumpur", ["08:00-20:00"], 4, 5, StaffCost.None, Holidays: "my-national");
    private static readonly HolidayCalendar Malaysian = new("my-national", [new(new DateOnly(2027, 3, 10), "Hari Raya Aidilfitri")]);

    private static RunReport Report() =>
        SampleRunReport.Create() with { Forecast = CoverageForecast.For([Us, My], [Malaysian], new DateOnly(2027, 1, 1)) };

    [Fact]
    public void The_json_report_has_each_week_with_its_changes_and_local_times()
    {
        var json = ReportJson.Serialize(Report());

        Assert.Contains("\"forecast\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"DaylightSaving\"", json, StringComparison.Ordinal);
        Assert.Contains("\"date\": \"2027-11-07\"", json, StringComparison.Ordinal);
        Assert.Contains("\"from\": \"2027-03-10T09:00:00+08:00\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_has_a_forecast_section_only_when_a_forecast_was_made()
    {
        var html = ReportHtml.Render(Report());

        Assert.Contains("id=\"forecast\"", html, StringComparison.Ordinal);
        Assert.Contains("gap 2027-03-10 01:00 UTC – 2027-03-10 12:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("my 2027-03-10 09:00 – 20:00 (UTC+08:00)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"forecast\"", ReportHtml.Render(SampleRunReport.Create()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_has_a_forecast_line_with_the_first_changes()
    {
        var summary = SummaryPrinter.Format(Report(), wallClock: false);

        Assert.Contains("  Forecast    3 of the next 52 weeks change coverage: 2027-03-10 my holiday, 2027-03-14 us clock change, 2027-11-07 us clock change\n", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Forecast", SummaryPrinter.Format(SampleRunReport.Create(), wallClock: false), StringComparison.Ordinal);
    }
}
