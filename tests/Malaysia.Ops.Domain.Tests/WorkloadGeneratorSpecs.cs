using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Scenarios;
using Malaysia.Ops.Domain.Workloads;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Customers' workloads: submitted, progressing, completing or failing into incidents.</summary>
public class WorkloadGeneratorSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 7, 13, 0, 0, 0, TimeSpan.Zero);

    private static List<WorkloadEvent> Month(double perDay, double failure, int seed = 3) =>
        new WorkloadGenerator(new WorkloadPolicy(perDay, failure), seed, Start).Events().TakeWhile(e => e.At < Start.AddDays(30)).ToList();

    [Fact]
    public void Every_workload_starts_then_progresses_by_quarters_then_completes_or_fails_once_in_time_order()
    {
        var events = Month(6, 0.2);

        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
        foreach (var workload in events.GroupBy(e => e.WorkloadId).Where(g => g.Any(e => e is WorkloadFinished or WorkloadBroke)))
        {
            var steps = workload.ToList();
            Assert.IsType<WorkloadStarted>(steps[0]);
            Assert.Single(steps, e => e is WorkloadFinished or WorkloadBroke);
            Assert.True(steps[^1] is WorkloadFinished or WorkloadBroke);
            Assert.Equal(steps.OfType<WorkloadAdvanced>().Select(a => a.PercentComplete).Order(), steps.OfType<WorkloadAdvanced>().Select(a => a.PercentComplete));
        }
    }

    [Fact]
    public void About_the_failure_probability_of_workloads_fail_and_each_failure_raises_an_incident_on_its_cluster()
    {
        var events = Month(20, 0.25);

        var started = events.OfType<WorkloadStarted>().ToDictionary(s => s.WorkloadId);
        var ended = events.Where(e => e is WorkloadFinished or WorkloadBroke).ToList();
        var broke = ended.OfType<WorkloadBroke>().ToList();
        Assert.InRange(broke.Count / (double)ended.Count, 0.18, 0.32);
        Assert.All(broke, b =>
        {
            Assert.Equal($"INC-{b.WorkloadId}", b.Incident.IncidentId);
            Assert.Equal(started[b.WorkloadId].ClusterId, b.Incident.ClusterId);
            Assert.Equal(b.At, b.Incident.At);
            Assert.Equal(started[b.WorkloadId].Kind == WorkloadKind.Training ? IncidentType.TrainingJobStalled : IncidentType.InferenceLatencySloBreach, b.Incident.Type);
        });
        Assert.InRange(started.Count, 500, 700);
    }

    [Fact]
    public void A_rate_too_low_to_submit_a_workload_before_the_calendar_ends_gives_none()
    {
        Assert.Empty(new WorkloadGenerator(new WorkloadPolicy(0.000000001, 0.5), 42, Start).Events());
    }

    [Fact]
    public void The_same_seed_gives_the_same_workloads_and_none_are_asked_for_none_come()
    {
        Assert.Equal(Month(6, 0.1, seed: 9), Month(6, 0.1, seed: 9));
        Assert.NotEqual(Month(6, 0.1, seed: 9), Month(6, 0.1, seed: 10));
        Assert.Empty(Month(0, 0.1));
    }
}
