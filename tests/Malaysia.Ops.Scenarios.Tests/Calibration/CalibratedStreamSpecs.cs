using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Scenarios.Calibration;
using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.Calibration;

/// <summary>The calibrated scenario states the measured mix and work times as fields, and its
/// stream draws them.</summary>
public class CalibratedStreamSpecs
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void The_calibrated_scenario_states_the_measured_mix_and_each_severitys_work_times()
    {
        var calibration = Calibrator.Calibrate(GeneratedHistory.Of(GeneratedHistory.Profile, weeks: 4), NewYork);

        var scenario = ScenarioLoader.Parse(CalibratedScenarioWriter.Write(calibration, "calibrated"), "calibrated.yaml");

        var mix = scenario.Arrivals.Mix!;
        Assert.Equal(calibration.Mix.Select(s => (s.Type, s.Severity)), mix.Shares.Select(s => (s.Type, s.Severity)));
        Assert.All(mix.Shares.Zip(calibration.Mix), pair => Assert.Equal(pair.Second.Share, pair.First.Share, 1e-5));
        Assert.Equal(1, mix.Shares.Sum(s => s.Share), 1e-4);
        foreach (var work in calibration.WorkTimes)
        {
            var distribution = mix.WorkTimeOf(IncidentType.ModelDrift, work.Severity);
            Assert.NotNull(distribution);
            Assert.True(distribution is LognormalWorkTime or EmpiricalWorkTime, $"{work.Severity}: {distribution}");
        }
    }

    [Fact]
    public void The_catalogues_floored_exponential_is_not_taken_for_lognormal_so_its_times_are_written_as_measured()
    {
        var calibration = Calibrator.Calibrate(GeneratedHistory.Of(GeneratedHistory.Profile, weeks: 4), NewYork);
        var sev3 = calibration.WorkTimes.Single(w => w.Severity == Severity.Sev3);

        var scenario = ScenarioLoader.Parse(CalibratedScenarioWriter.Write(calibration, "calibrated"), "calibrated.yaml");

        var empirical = Assert.IsType<EmpiricalWorkTime>(scenario.Arrivals.Mix!.WorkTimeOf(IncidentType.ModelDrift, Severity.Sev3));
        Assert.True(sev3.Fit!.KolmogorovSmirnov > sev3.Fit.CriticalDistance);
        Assert.Equal(CalibratedScenarioWriter.MaxEmpiricalMinutes, empirical.Minutes.Count);
        Assert.Equal(sev3.MeanMinutes, empirical.Mean, sev3.MeanHalfWidth);
    }

    [Fact]
    public void A_lognormal_history_is_written_as_its_fit_and_the_calibrated_stream_recovers_its_mean()
    {
        var random = new Random(5);
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var incidents = Enumerable.Range(0, 3000)
            .Select(i => new ImportedIncident($"L{i}", start.AddMinutes(i * 20), IncidentType.DataPipelineLag, Severity.Sev4, new LognormalWorkTime(40, 0.6).Draw(random)))
            .ToList();
        var calibration = Calibrator.Calibrate(new IncidentHistory("lognormal.csv", incidents), NewYork);

        var scenario = ScenarioLoader.Parse(CalibratedScenarioWriter.Write(calibration, "calibrated"), "calibrated.yaml");
        var fitted = Assert.IsType<LognormalWorkTime>(scenario.Arrivals.Mix!.WorkTimeOf(IncidentType.DataPipelineLag, Severity.Sev4));
        var drawn = new IncidentGenerator(IncidentCatalogue.Default, scenario.Seed, scenario.Start, scenario.Arrivals, [])
            .Arrivals().Take(5000).ToList();

        Assert.Equal((40, 0.6), (Math.Round(fitted.MeanMinutes), Math.Round(fitted.Spread, 1)));
        Assert.All(drawn, a => Assert.Equal((IncidentType.DataPipelineLag, Severity.Sev4), (a.Type, a.Severity)));
        Assert.InRange(drawn.Average(a => a.WorkMinutes), 38, 42);
    }
}
