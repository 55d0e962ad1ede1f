using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Tests;

public class IncidentMixSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);

    private static List<IncidentArrival> Stream(IncidentMix? mix, int count, int seed = 42, IReadOnlyList<ScriptedIncident>? script = null, bool random = true) =>
        new IncidentGenerator(IncidentCatalogue.Default, seed, Epoch, ArrivalProfile.Constant(6) with { Mix = mix, RandomArrivals = random }, script ?? [])
            .Arrivals()
            .Take(count)
            .ToList();

    [Fact]
    public void One_type_with_exponential_work_is_an_exact_m_m_c_stream()
    {
        var mix = new IncidentMix(
            [new MixShare(IncidentType.TrainingJobStalled, Severity.Sev3, 1)],
            [new WorkTimeRule(null, null, new ExponentialWorkTime(30))]);

        var arrivals = Stream(mix, 20_000);

        Assert.All(arrivals, a => Assert.Equal((IncidentType.TrainingJobStalled, Severity.Sev3), (a.Type, a.Severity)));
        var work = arrivals.Select(a => a.WorkMinutes).ToList();
        var mean = work.Average();
        var halfWidth = 1.96 * 30 / Math.Sqrt(work.Count);
        Assert.InRange(mean, 30 - halfWidth, 30 + halfWidth);

        // No floor: an exponential of mean 30 puts 1 - e^(-1/6), about 15%, below 5 minutes.
        var belowFive = work.Count(w => w < 5) / (double)work.Count;
        Assert.InRange(belowFive, 0.14, 0.17);

        // Poisson arrivals at 6 an hour: exponential gaps of mean 10 minutes.
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => (b.At - a.At).TotalMinutes).ToList();
        Assert.InRange(gaps.Average(), 10 - (1.96 * 10 / Math.Sqrt(gaps.Count)), 10 + (1.96 * 10 / Math.Sqrt(gaps.Count)));
    }

    [Fact]
    public void The_stream_draws_the_mixs_types_and_severities_in_their_shares()
    {
        var mix = new IncidentMix(
            [new MixShare(IncidentType.GpuNodeFailure, Severity.Sev1, 1), new MixShare(IncidentType.ModelDrift, Severity.Sev4, 3)],
            []);

        var arrivals = Stream(mix, 8_000);

        Assert.Equal(
            [(IncidentType.GpuNodeFailure, Severity.Sev1), (IncidentType.ModelDrift, Severity.Sev4)],
            arrivals.Select(a => (a.Type, a.Severity)).Distinct().Order().ToList());
        Assert.InRange(arrivals.Count(a => a.Type == IncidentType.ModelDrift) / 8000.0, 0.73, 0.77);
    }

    [Fact]
    public void Empirical_work_is_drawn_only_from_its_list_and_from_all_of_it()
    {
        double[] minutes = [3.25, 17, 42.125, 95];
        var mix = new IncidentMix([], [new WorkTimeRule(null, null, new EmpiricalWorkTime(minutes))]);

        var work = Stream(mix, 4_000).Select(a => a.WorkMinutes).ToList();

        Assert.All(work, w => Assert.Contains(w, minutes));
        Assert.Equal(minutes, work.Distinct().Order());
    }

    [Fact]
    public void The_most_particular_rule_gives_an_incidents_work()
    {
        var mix = new IncidentMix(
            [],
            [
                new WorkTimeRule(null, null, new FixedWorkTime(1)),
                new WorkTimeRule(null, Severity.Sev2, new FixedWorkTime(2)),
                new WorkTimeRule(IncidentType.GpuNodeFailure, null, new FixedWorkTime(3)),
                new WorkTimeRule(IncidentType.GpuNodeFailure, Severity.Sev2, new FixedWorkTime(4)),
            ]);

        Assert.Equal(4, mix.WorkTimeOf(IncidentType.GpuNodeFailure, Severity.Sev2)!.Mean);
        Assert.Equal(3, mix.WorkTimeOf(IncidentType.GpuNodeFailure, Severity.Sev3)!.Mean);
        Assert.Equal(2, mix.WorkTimeOf(IncidentType.ModelDrift, Severity.Sev2)!.Mean);
        Assert.Equal(1, mix.WorkTimeOf(IncidentType.ModelDrift, Severity.Sev4)!.Mean);
        Assert.All(Stream(mix, 500), a => Assert.Equal(
            a.Type == IncidentType.GpuNodeFailure ? (a.Severity == Severity.Sev2 ? 4 : 3) : (a.Severity == Severity.Sev2 ? 2 : 1),
            a.WorkMinutes));
    }

    [Fact]
    public void Lognormal_work_has_its_stated_mean_and_spread()
    {
        var mix = new IncidentMix([], [new WorkTimeRule(null, null, new LognormalWorkTime(60, 0.8))]);

        var logs = Stream(mix, 20_000).Select(a => Math.Log(a.WorkMinutes)).ToList();

        var mu = logs.Average();
        var sigma = Math.Sqrt(logs.Sum(l => (l - mu) * (l - mu)) / (logs.Count - 1));
        Assert.Equal(Math.Log(60) - 0.32, mu, 0.02);
        Assert.Equal(0.8, sigma, 0.02);
    }

    [Fact]
    public void Work_times_alone_keep_the_catalogues_arrivals_types_and_severities()
    {
        var mix = new IncidentMix([], [new WorkTimeRule(null, null, new FixedWorkTime(7))]);

        var catalogue = Stream(null, 300);
        var changed = Stream(mix, 300);

        // Every distribution takes one draw, as the catalogue's does: only the work differs.
        Assert.Equal(catalogue.Select(a => (a.At, a.Type, a.Severity, a.ClusterId)), changed.Select(a => (a.At, a.Type, a.Severity, a.ClusterId)));
        Assert.All(changed, a => Assert.Equal(7, a.WorkMinutes));
    }

    [Fact]
    public void Scripted_incidents_left_to_draw_their_work_draw_it_by_the_seed_without_moving_the_random_arrivals()
    {
        var script = Enumerable.Range(0, 50)
            .Select(i => new ScriptedIncident(Epoch.AddMinutes(i * 7), IncidentType.ModelDrift, Severity.Sev3, "iad-inference-1", 30, "replayed", DrawsWork: true))
            .ToList();
        var mix = new IncidentMix([], [new WorkTimeRule(IncidentType.ModelDrift, null, new EmpiricalWorkTime([11, 13]))]);

        var replayed = Stream(mix, 50, script: script, random: false);
        var again = Stream(mix, 50, script: script, random: false);

        Assert.Equal(50, replayed.Count);
        Assert.Equal(replayed, again);
        Assert.All(replayed, a => Assert.True(a.WorkMinutes is 11 or 13, $"{a.WorkMinutes}"));
        Assert.Equal(script.Select(s => s.At), replayed.Select(a => a.At));
        Assert.Equal(
            Stream(mix, 100).Where(a => a.Summary != "replayed").Take(20).Select(a => a.At),
            Stream(mix, 200, script: script).Where(a => a.Summary != "replayed").Take(20).Select(a => a.At));
    }
}
