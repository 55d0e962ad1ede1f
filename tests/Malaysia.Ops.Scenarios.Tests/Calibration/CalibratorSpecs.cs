using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Scenarios.Calibration;
using Malaysia.Ops.Scenarios.History;
using Xunit.Abstractions;

namespace Malaysia.Ops.Scenarios.Tests.Calibration;

public class CalibratorSpecs(ITestOutputHelper output)
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void A_generated_history_recovers_its_rates_and_mean_work_times_within_their_intervals()
    {
        var profile = GeneratedHistory.Profile;
        var calibration = Calibrator.Calibrate(GeneratedHistory.Of(profile, weeks: 16), NewYork);
        output.WriteLine(CalibrationSummary.Write(calibration));

        Assert.Equal(new BusyWindow(9, 17, calibration.Busy!.Factor), calibration.Busy);
        var weekday = Pooled(calibration, h => !HourOfWeek.IsWeekend(h) && !Busy(h));
        var busy = Pooled(calibration, h => !HourOfWeek.IsWeekend(h) && Busy(h));
        var weekendQuiet = Pooled(calibration, h => HourOfWeek.IsWeekend(h) && !Busy(h));
        var weekendBusy = Pooled(calibration, h => HourOfWeek.IsWeekend(h) && Busy(h));
        Assert.True(weekday.Covers(profile.IncidentsPerHour), $"weekday {weekday.PerHour} ± {weekday.HalfWidth}");
        Assert.True(busy.Covers(profile.IncidentsPerHour * 2.5), $"busy {busy.PerHour} ± {busy.HalfWidth}");
        Assert.True(weekendQuiet.Covers(profile.IncidentsPerHour * 0.5), $"weekend {weekendQuiet.PerHour} ± {weekendQuiet.HalfWidth}");
        Assert.True(weekendBusy.Covers(profile.IncidentsPerHour * 2.5 * 0.5), $"weekend busy {weekendBusy.PerHour} ± {weekendBusy.HalfWidth}");
        foreach (var work in calibration.WorkTimes)
        {
            var catalogueMean = IncidentCatalogue.Default.Profiles[0].MeanWorkMinutes[work.Severity];
            var trueMean = GeneratedHistory.TrueMeanWork(catalogueMean);
            Assert.True(work.MeanCovers(trueMean), $"{work.Severity}: {work.MeanMinutes} ± {work.MeanHalfWidth}, true {trueMean}");
        }

        static bool Busy(int hour) => HourOfWeek.HourOfDay(hour) is >= 9 and < 17;
    }

    [Fact]
    public void Hours_of_the_week_follow_the_zones_daylight_saving()
    {
        // 13:00 UTC is 08:00 in New York in winter (EST) and 09:00 after the clocks go forward.
        Assert.Equal(8, HourOfWeek.Of(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero), NewYork));
        Assert.Equal(9, HourOfWeek.Of(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), NewYork));
        Assert.Equal((6 * 24) + 23, HourOfWeek.Of(new DateTimeOffset(2026, 3, 2, 4, 30, 0, TimeSpan.Zero), NewYork));
    }

    [Fact]
    public void The_calibrated_scenario_loads_with_the_calibrated_figures()
    {
        var calibration = Calibrator.Calibrate(GeneratedHistory.Of(GeneratedHistory.Profile, weeks: 4), NewYork);

        var scenario = ScenarioLoader.Parse(CalibratedScenarioWriter.Write(calibration, "calibrated"), "calibrated.yaml");

        var arrivals = scenario.Arrivals;
        Assert.Equal(calibration.BaseRate, arrivals.IncidentsPerHour, 1e-5 * calibration.BaseRate);
        Assert.Equal(calibration.WeekendFactor, arrivals.WeekendFactor, 1e-5);
        Assert.Equal(
            ("America/New_York", new TimeOnly(9, 0), new TimeOnly(17, 0)),
            (arrivals.BusyHours!.TimeZone, arrivals.BusyHours.From, arrivals.BusyHours.To));
        Assert.Equal(calibration.Busy!.Factor, arrivals.BusyHours.Factor, 1e-5 * calibration.Busy.Factor);
        Assert.Equal(DayOfWeek.Monday, scenario.Start.DayOfWeek);
    }

    [Fact]
    public void A_lognormal_sample_fits_closely_and_a_two_valued_one_does_not()
    {
        var random = new Random(3);
        var lognormal = Enumerable.Range(0, 2000).Select(_ => Math.Exp(3 + (0.5 * Normal(random)))).ToList();

        var fit = LognormalFit.Of(lognormal)!;
        var poor = LognormalFit.Of(Enumerable.Repeat(10.0, 500).Concat(Enumerable.Repeat(1000.0, 500)))!;

        Assert.Equal((3, 0.5), (Math.Round(fit.Mu, 1), Math.Round(fit.Sigma, 1)));
        Assert.True(fit.KolmogorovSmirnov < fit.CriticalDistance, $"KS {fit.KolmogorovSmirnov}");
        Assert.True(poor.KolmogorovSmirnov > 0.3, $"KS {poor.KolmogorovSmirnov}");
    }

    [Fact]
    public void The_page_charts_every_hour_of_the_week_and_each_severitys_work_against_its_fit()
    {
        var calibration = Calibrator.Calibrate(GeneratedHistory.Of(GeneratedHistory.Profile, weeks: 2), NewYork);

        var page = CalibrationPage.Render(calibration);

        Assert.Equal(HourOfWeek.Count + (30 * calibration.WorkTimes.Count), page.Split("<rect ").Length - 1);
        Assert.Equal(1 + calibration.WorkTimes.Count, page.Split("<polyline ").Length - 1);
        Assert.Contains("America/New_York", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_history_is_refused_in_one_line()
    {
        var error = Assert.Throws<HistoryException>(() => Calibrator.Calibrate(new IncidentHistory("empty.csv", []), NewYork));

        Assert.Equal("empty.csv: no incidents to calibrate from", error.Message);
    }

    private static RateEstimate Pooled(Scenarios.Calibration.Calibration calibration, Func<int, bool> hours) =>
        Enumerable.Range(0, HourOfWeek.Count).Where(hours).Select(h => calibration.HourOfWeekRates[h])
            .Aggregate(new RateEstimate(0, 0), (a, b) => new RateEstimate(a.Count + b.Count, a.Hours + b.Hours));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
