using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Workloads;
using Malaysia.Ops.Workload;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Which incidents and workload events the workload service raises when, without a bus
/// or a clock: the seeded streams, up to the run's end, less what a late start skips.</summary>
public sealed class SourceScheduleSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 0, 0, 0, TimeSpan.Zero);
    private const int Seed = 11;

    [Fact]
    public void A_source_started_late_skips_what_fell_due_before_its_catch_up_raises_the_rest_at_once_and_stops_at_the_end()
    {
        var options = new WorkloadOptions { IncidentsPerHour = 6, RaiseUntil = Epoch.AddHours(6) };
        var stream = new IncidentGenerator(IncidentCatalogue.Default, Seed, Epoch, options.ToProfile(), options.ToScript()).Arrivals()
            .TakeWhile(a => a.At <= Epoch.AddHours(6))
            .Where(a => a.At >= Epoch.AddHours(2.5))
            .Select(a => a.IncidentId)
            .ToList();
        var schedule = new IncidentSchedule(options, Seed, Epoch, startedAt: Epoch.AddHours(3), catchUp: TimeSpan.FromMinutes(30));

        var caughtUp = schedule.Advance(Epoch.AddHours(3));
        Assert.NotEmpty(caughtUp);
        Assert.All(caughtUp, i => Assert.InRange(i.SimulatedAt, Epoch.AddHours(2.5), Epoch.AddHours(3)));
        var next = schedule.NextDueAt();
        Assert.True(next > Epoch.AddHours(3));

        var rest = schedule.Advance(Epoch.AddDays(1));
        Assert.Equal(next, rest[0].SimulatedAt);
        Assert.Equal(stream, caughtUp.Concat(rest).Select(i => i.IncidentId));
        Assert.Null(schedule.NextDueAt());
        Assert.Empty(schedule.Advance(Epoch.AddDays(2)));
    }

    [Fact]
    public void A_failed_workload_is_told_then_the_incident_it_raises()
    {
        var options = new WorkloadOptions { WorkloadsPerDay = 48, WorkloadFailureProbability = 1, RaiseUntil = Epoch.AddDays(1) };
        var broken = new WorkloadGenerator(options.ToWorkloadPolicy(), Seed, Epoch).Events().OfType<WorkloadBroke>().First();
        var schedule = new WorkloadSchedule(options, Seed, Epoch, startedAt: Epoch, catchUp: TimeSpan.Zero);

        var sent = new List<IOpsMessage>();
        while (schedule.NextDueAt() is { } due && due <= broken.At)
        {
            sent.AddRange(schedule.Advance(due));
        }

        var incident = broken.Incident;
        Assert.Equal(
            [
                new WorkloadFailed(broken.WorkloadId, broken.Reason, incident.IncidentId, broken.At),
                new IncidentRaised(incident.IncidentId, incident.Type, incident.Severity, incident.ClusterId, incident.Summary, incident.WorkMinutes, incident.At),
            ],
            sent.SkipWhile(m => m is not WorkloadFailed).ToList());
        Assert.IsType<WorkloadSubmitted>(sent[0]);
    }
}
