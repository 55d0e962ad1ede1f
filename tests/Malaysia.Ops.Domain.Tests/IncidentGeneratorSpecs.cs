using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Tests;

public class IncidentGeneratorSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);

    private static List<IncidentArrival> First(int count, int seed, double perHour = 6) =>
        new IncidentGenerator(IncidentCatalogue.Default, seed, Epoch, perHour).Arrivals().Take(count).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_stream()
    {
        Assert.Equal(First(200, seed: 42), First(200, seed: 42));
    }

    [Fact]
    public void A_rate_too_low_to_raise_an_incident_before_the_calendar_ends_gives_only_the_script()
    {
        var outage = new ScriptedIncident(Epoch.AddHours(1), IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-a", 30, "scripted");
        var profile = ArrivalProfile.Constant(0.000000001) with { Bursts = new BurstPolicy(0.000000001, 3, 10) };

        var arrivals = new IncidentGenerator(IncidentCatalogue.Default, 42, Epoch, profile, [outage]).Arrivals().ToList();

        Assert.Equal([(Epoch.AddHours(1), "scripted")], arrivals.Select(a => (a.At, a.Summary)));
    }

    [Fact]
    public void A_seed_gives_the_same_stream_in_every_process()
    {
        var arrivals = First(3, seed: 42);

        Assert.Equal(
            [
                ("INC-00001", IncidentType.GpuNodeFailure, Severity.Sev2, "kul-gpu-b", 11.07),
                ("INC-00002", IncidentType.InferenceLatencySloBreach, Severity.Sev2, "iad-inference-1", 85.94),
                ("INC-00003", IncidentType.TrainingJobStalled, Severity.Sev3, "kul-gpu-a", 14.39),
            ],
            arrivals.Select(a => (a.IncidentId, a.Type, a.Severity, a.ClusterId, a.WorkMinutes)));
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 0, 11, 1, 765, TimeSpan.Zero), arrivals[0].At, TimeSpan.FromMilliseconds(1));
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 0, 16, 44, 939, TimeSpan.Zero), arrivals[2].At, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void A_different_seed_gives_a_different_stream()
    {
        var a = First(200, seed: 42);
        var b = First(200, seed: 43);

        Assert.NotEqual(a.Select(x => x.At), b.Select(x => x.At));
        Assert.NotEqual(a.Select(x => (x.Type, x.Severity)), b.Select(x => (x.Type, x.Severity)));
    }

    [Fact]
    public void Ids_and_sequences_count_up_from_one()
    {
        var arrivals = First(200, seed: 7);

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), arrivals.Select(a => a.Sequence));
        Assert.Equal("INC-00001", arrivals[0].IncidentId);
        Assert.Equal("INC-00002", arrivals[1].IncidentId);
        Assert.Equal("INC-00200", arrivals[199].IncidentId);
        Assert.All(arrivals, a => Assert.Equal(IncidentGenerator.IncidentIdFor(a.Sequence), a.IncidentId));
    }

    [Fact]
    public void Arrivals_are_strictly_increasing_from_the_epoch()
    {
        var arrivals = First(2_000, seed: 7);

        Assert.True(arrivals[0].At > Epoch);
        for (var i = 1; i < arrivals.Count; i++)
        {
            Assert.True(arrivals[i].At > arrivals[i - 1].At, $"arrival {i + 1} is not after arrival {i}");
        }
    }

    [Fact]
    public void The_mean_gap_between_arrivals_is_one_over_the_rate()
    {
        const double perHour = 4;
        var arrivals = First(20_000, seed: 1234, perHour);

        var meanHours = (arrivals[^1].At - Epoch).TotalHours / arrivals.Count;

        Assert.InRange(meanHours, 0.97 / perHour, 1.03 / perHour);
    }

    [Fact]
    public void Every_incident_takes_at_least_five_minutes_and_matches_its_profile()
    {
        var arrivals = First(5_000, seed: 99);

        Assert.All(arrivals, a =>
        {
            Assert.True(a.WorkMinutes >= 5, $"{a.IncidentId} has {a.WorkMinutes} min of work");
            var profile = IncidentCatalogue.Default.Profiles.Single(p => p.Type == a.Type);
            Assert.Contains(a.Severity, profile.SeverityMix.Keys);
            Assert.Contains(a.ClusterId, profile.Clusters);
            Assert.Contains(a.ClusterId, a.Summary, StringComparison.Ordinal);
        });
        Assert.Contains(arrivals, a => a.WorkMinutes == 5);
    }

    [Fact]
    public void A_rate_that_is_not_positive_is_refused()
    {
        var generator = new IncidentGenerator(IncidentCatalogue.Default, 1, Epoch, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Arrivals().First());
    }
}
