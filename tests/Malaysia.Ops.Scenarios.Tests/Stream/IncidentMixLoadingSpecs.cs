using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using static Malaysia.Ops.Scenarios.Tests.TestScenario;

namespace Malaysia.Ops.Scenarios.Tests.Stream;

public class IncidentMixLoadingSpecs
{
    private const string Rate = "incidentsPerHour: 4";

    private static string WithArrivals(string fields) => With(Rate, Rate + "\n" + fields);

    [Fact]
    public void Arrivals_state_their_own_mix_and_work_time_distributions()
    {
        var scenario = Parse(WithArrivals("""
              mix:
                - { type: TrainingJobStalled, severity: Sev3, share: 3 }
                - { type: GpuNodeFailure, severity: Sev1, share: 1 }
              workTimes:
                - { distribution: exponential, mean: 30 }
                - { severity: Sev1, distribution: lognormal, mean: 120, spread: 0.8 }
                - { type: GpuNodeFailure, severity: Sev1, distribution: fixed, minutes: 45 }
                - { type: TrainingJobStalled, distribution: empirical, minutes: [5, 12.5, 40] }
            """));

        var mix = scenario.Arrivals.Mix!;
        Assert.Equal(
            [new MixShare(IncidentType.TrainingJobStalled, Severity.Sev3, 3), new MixShare(IncidentType.GpuNodeFailure, Severity.Sev1, 1)],
            mix.Shares);
        Assert.Equal(new ExponentialWorkTime(30), mix.WorkTimeOf(IncidentType.ModelDrift, Severity.Sev2));
        Assert.Equal(new LognormalWorkTime(120, 0.8), mix.WorkTimeOf(IncidentType.ModelDrift, Severity.Sev1));
        Assert.Equal(new FixedWorkTime(45), mix.WorkTimeOf(IncidentType.GpuNodeFailure, Severity.Sev1));
        Assert.Equal(new EmpiricalWorkTime([5, 12.5, 40]), mix.WorkTimeOf(IncidentType.TrainingJobStalled, Severity.Sev3));
        Assert.True(scenario.Arrivals.RandomArrivals);
    }

    [Fact]
    public void Without_a_mix_the_profile_has_none()
    {
        Assert.Null(Parse(Yaml).Arrivals.Mix);
    }

    [Fact]
    public void A_loaded_m_m_c_mix_gives_the_stated_mean_work()
    {
        var scenario = Parse(WithArrivals("""
              mix: [{ type: DataPipelineLag, severity: Sev4, share: 1 }]
              workTimes: [{ distribution: exponential, mean: 20 }]
            """));

        var work = new IncidentGenerator(IncidentCatalogue.Default, scenario.Seed, scenario.Start, scenario.Arrivals, [])
            .Arrivals().Take(10_000).Select(a => a.WorkMinutes).ToList();

        Assert.InRange(work.Average(), 20 - (1.96 * 20 / 100), 20 + (1.96 * 20 / 100));
    }

    public static TheoryData<string, string> Mistakes { get; } = new()
    {
        { "  workTimes: [{ distribution: gamma, mean: 3 }]", "test.yaml:7:17: arrivals.workTimes[0].distribution: 'gamma' is not a distribution (expected one of: exponential, lognormal, fixed, empirical)" },
        { "  workTimes: [{ distribution: exponential }]", "test.yaml:7:15: arrivals.workTimes[0].mean: required field is missing" },
        { "  workTimes: [{ distribution: fixed, minutes: 5, mean: 5 }]", "test.yaml:7:50: arrivals.workTimes[0].mean: does not apply to a fixed distribution (it takes minutes)" },
        { "  workTimes: [{ distribution: lognormal, mean: 30, spread: 9 }]", "test.yaml:7:52: arrivals.workTimes[0].spread: '9' is out of range (must be greater than 0 and at most 5)" },
        { "  workTimes: [{ distribution: empirical, minutes: [] }]", "test.yaml:7:42: arrivals.workTimes[0].minutes: expected 1 to 100000 work times in minutes, found 0" },
        { "  workTimes: [{ distribution: empirical, minutes: [4, -1] }]", "test.yaml:7:55: arrivals.workTimes[0].minutes[1]: '-1' is out of range (must be greater than 0 and at most 10080)" },
        { "  workTimes: [{ distribution: empirical, minutes: 4 }]", "test.yaml:7:42: arrivals.workTimes[0].minutes: expected a list of work times in minutes, found '4'" },
        { "  workTimes: [{ severity: Sev7, distribution: fixed, minutes: 4 }]", "test.yaml:7:17: arrivals.workTimes[0].severity: 'Sev7' is not a severity (expected one of: Sev1, Sev2, Sev3, Sev4)" },
        { "  workTimes:\n    - { severity: Sev1, distribution: fixed, minutes: 4 }\n    - { severity: Sev1, distribution: fixed, minutes: 5 }", "test.yaml:9:7: arrivals.workTimes[1]: repeats the type and severity of an earlier item" },
        { "  mix: [{ type: GpuNodeFailure, severity: Sev1, share: 0 }]", "test.yaml:7:49: arrivals.mix[0].share: '0' is out of range (must be greater than 0 and at most 1000000)" },
        { "  mix: [{ type: Meteor, severity: Sev1, share: 1 }]", "test.yaml:7:11: arrivals.mix[0].type: 'Meteor' is not an incident type (expected one of: GpuNodeFailure, TrainingJobStalled, CheckpointStorageFull, ModelDrift, InferenceLatencySloBreach, DataPipelineLag, DataCentrePowerAlarm, DataCentreCoolingAlarm, SecurityAlert)" },
        { "  mix: [{ type: GpuNodeFailure, severity: Sev1 }]", "test.yaml:7:9: arrivals.mix[0].share: required field is missing" },
        { "  mix: []", "test.yaml:7:3: arrivals.mix: expected 1 to 1000 shares, found 0" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_wrong_mix_or_distribution_is_reported_at_its_field(string fields, string expected)
    {
        Assert.Equal([expected], ProblemsOf(WithArrivals(fields)));
    }
}
