using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Load;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults.Telemetry;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// Synthetic load followed end to end through dispatch: each stage counted once per incident,
/// the latencies measured from when the workload sent the raise, incidents that are not load
/// left alone, and an incident forgotten once resolved.
/// </summary>
public class LoadProgressSpecs
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 5, 21, 0, 0, TimeSpan.Zero);

    private static string Load(int n) => IncidentIds.Load(n);

    [Fact]
    public void Each_stage_is_timed_from_the_raise_and_counted_once_whatever_is_delivered_again()
    {
        var wall = new HandWall(Sent.AddMilliseconds(40));
        var progress = new LoadProgress(new SimulationClock(Sent, 60, wall));

        progress.OnRaised(Load(1), Sent.UtcDateTime);
        progress.OnRaised(Load(1), Sent.UtcDateTime);
        progress.OnAssigned(Load(1));
        progress.OnAssigned(Load(1));
        progress.OnAcknowledged(Load(1), Sent.AddMilliseconds(250).UtcDateTime);
        progress.OnAcknowledged(Load(1), Sent.AddSeconds(9).UtcDateTime);

        Assert.Equal((1, 1, 1, 0), (progress.Raised, progress.Assigned, progress.Acknowledged, progress.Resolved));
        Assert.Equal(40, progress.ToAssigned.Milliseconds(50)!.Value, 0);
        Assert.Equal(250, progress.ToAcknowledged.Milliseconds(99.9)!.Value, 0);
        Assert.Equal(1, progress.Open);

        progress.OnResolved(Load(1), Sent.AddSeconds(30).UtcDateTime);
        progress.OnResolved(Load(1), Sent.AddSeconds(31).UtcDateTime);

        Assert.Equal(1, progress.Resolved);
        Assert.Equal(30_000, progress.ToResolved.Milliseconds(100)!.Value, 30_000 * 0.001);
        Assert.Equal(0, progress.Open);
    }

    [Fact]
    public void Incidents_that_are_not_load_and_stages_of_incidents_never_booked_are_left_out()
    {
        var progress = new LoadProgress(new SimulationClock(Sent, 60, new HandWall(Sent)));

        progress.OnRaised("INC-000042", Sent.UtcDateTime);
        progress.OnRaised(IncidentIds.Console(1), Sent.UtcDateTime);
        progress.OnAcknowledged(Load(7), Sent.UtcDateTime);
        progress.OnResolved(Load(7), Sent.UtcDateTime);

        Assert.Equal((0, 0, 0, 0), (progress.Raised, progress.Assigned, progress.Acknowledged, progress.Resolved));
        Assert.Null(progress.ToAcknowledged.Milliseconds(50));
        Assert.Equal("p50 -, p99 -", progress.ToResolved.Describe(50, 99));
    }

    [Fact]
    public void A_raise_whose_message_does_not_say_when_it_was_sent_is_timed_from_when_dispatch_booked_it()
    {
        var wall = new HandWall(Sent);
        var progress = new LoadProgress(new SimulationClock(Sent, 60, wall));

        progress.OnRaised(Load(3), sentAt: null);
        wall.Now = Sent.AddMilliseconds(12);
        progress.OnAssigned(Load(3));

        // Three significant digits: within a thousandth.
        Assert.Equal(12, progress.ToAssigned.Milliseconds(50)!.Value, 12 * 0.001);
        Assert.Matches(@"^p50 12\.0\d ms$", progress.ToAssigned.Describe(50));
    }

    [Fact]
    public void An_incident_resolved_before_its_assignment_was_noted_still_counts_as_assigned_and_acknowledged_once()
    {
        var wall = new HandWall(Sent);
        var progress = new LoadProgress(new SimulationClock(Sent, 60, wall));

        progress.OnRaised(Load(5), Sent.UtcDateTime);
        progress.OnAcknowledged(Load(5), Sent.AddSeconds(1).UtcDateTime);
        progress.OnResolved(Load(5), Sent.AddSeconds(2).UtcDateTime);
        wall.Now = Sent.AddSeconds(3);
        progress.OnAssigned(Load(5));

        Assert.Equal((1, 1, 1, 1), (progress.Raised, progress.Assigned, progress.Acknowledged, progress.Resolved));
        Assert.Equal(1, progress.ToAcknowledged.Count);

        // No time is known for the assignment, so none is made up.
        Assert.Equal(0, progress.ToAssigned.Count);
    }

    [Fact]
    public void Interval_percentiles_cover_only_what_was_recorded_since_they_were_last_read()
    {
        var latency = new LatencyHistogram(TimeSpan.FromHours(1));

        latency.Record(TimeSpan.FromMilliseconds(10));
        Assert.Matches(@"^p50 10\.0\d ms$", latency.DescribeInterval(50));
        latency.Record(TimeSpan.FromMilliseconds(50));
        latency.Record(TimeSpan.FromMilliseconds(50));

        Assert.Matches(@"^p50 50\.0\d ms, p100 50\.0\d ms$", latency.DescribeInterval(50, 100));
        Assert.Equal("p50 -", latency.DescribeInterval(50));
        Assert.Matches(@"^p0 10\.0\d ms, p100 50\.0\d ms$", latency.Describe(0, 100));
        Assert.Equal(3, latency.Count);
    }
}
