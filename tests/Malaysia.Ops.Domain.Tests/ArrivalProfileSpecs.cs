using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Scenarios;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Arrivals that follow the day, the week, spikes, bursts and a script.</summary>
public class ArrivalProfileSpecs
{
    // A Monday.
    private static readonly DateTimeOffset Monday = new(2026, 7, 13, 0, 0, 0, TimeSpan.Zero);
    private static readonly BusyHours UsBusinessHours = new("America/New_York", new TimeOnly(9, 0), new TimeOnly(17, 0), 2);

    [Fact]
    public void The_rate_follows_business_hours_and_weekends_in_the_busy_time_zone()
    {
        var rate = new ArrivalRate(new ArrivalProfile(4, UsBusinessHours, 0.5, [], null));

        // 10:00 in New York (EDT) is 14:00 UTC; 03:00 in New York is 07:00 UTC.
        Assert.Equal(8, rate.At(Monday.AddHours(14)));
        Assert.Equal(4, rate.At(Monday.AddHours(7)));
        // Saturday 10:00 in New York: busy hours and weekend together.
        Assert.Equal(4, rate.At(Monday.AddDays(5).AddHours(14)));
        Assert.Equal(8, rate.Peak);
        Assert.False(rate.IsConstant);
    }

    [Fact]
    public void Overlapping_spikes_multiply_and_set_the_peak()
    {
        var spikes = new List<LoadSpike>
        {
            new(Monday.AddHours(1), Monday.AddHours(3), 5),
            new(Monday.AddHours(2), Monday.AddHours(4), 2),
        };
        var rate = new ArrivalRate(new ArrivalProfile(1, null, 1, spikes, null));

        Assert.Equal(5, rate.At(Monday.AddHours(1.5)));
        Assert.Equal(10, rate.At(Monday.AddHours(2.5)));
        Assert.Equal(1, rate.At(Monday.AddHours(4)));
        Assert.Equal(10, rate.Peak);
    }

    [Fact]
    public void Thinned_arrivals_come_in_proportion_to_the_rate_over_a_long_run()
    {
        var profile = new ArrivalProfile(6, UsBusinessHours, 1, [], null);
        var arrivals = new IncidentGenerator(IncidentCatalogue.Default, 3, Monday, profile, [])
            .Arrivals()
            .TakeWhile(a => a.At < Monday.AddDays(28))
            .ToList();

        var busy = arrivals.Count(a => a.At.ToOffset(TimeSpan.FromHours(-4)).Hour is >= 9 and < 17);
        var quiet = arrivals.Count - busy;

        // 8 busy hours at 12/h and 16 quiet hours at 6/h a day: 96 each a day, 2688 in 28 days.
        Assert.InRange(busy, 2688 * 0.93, 2688 * 1.07);
        Assert.InRange(quiet, 2688 * 0.93, 2688 * 1.07);
    }

    [Fact]
    public void A_burst_raises_a_sev1_and_more_incidents_of_one_type_on_one_cluster_within_its_minutes()
    {
        var profile = new ArrivalProfile(0.01, null, 1, [], new BurstPolicy(PerDay: 1, Incidents: 6, WithinMinutes: 20));
        var arrivals = new IncidentGenerator(IncidentCatalogue.Default, 5, Monday, profile, [])
            .Arrivals()
            .TakeWhile(a => a.At < Monday.AddDays(30))
            .ToList();

        var outages = arrivals.Where(a => a.Summary.Contains("(outage on", StringComparison.Ordinal)).ToList();
        Assert.InRange(outages.Count / 6, 15, 50);
        var first = outages.Take(6).ToList();
        Assert.Equal(Severity.Sev1, first[0].Severity);
        Assert.Single(first.Select(a => (a.Type, a.ClusterId)).Distinct());
        Assert.True(first[^1].At - first[0].At <= TimeSpan.FromMinutes(20));
        Assert.Equal(arrivals.OrderBy(a => a.At).Select(a => a.IncidentId), arrivals.Select(a => a.IncidentId));
    }

    [Fact]
    public void Scripted_incidents_join_the_stream_in_time_order_and_the_ids_follow_that_order()
    {
        var script = new List<ScriptedIncident>
        {
            new(Monday.AddHours(23.5), IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-a", 240, "Xid 79 across rack 4"),
        };
        var arrivals = new IncidentGenerator(IncidentCatalogue.Default, 42, Monday, ArrivalProfile.Constant(4), script)
            .Arrivals()
            .TakeWhile(a => a.At < Monday.AddDays(1))
            .ToList();

        var outage = Assert.Single(arrivals, a => a.Summary == "Xid 79 across rack 4");
        Assert.Equal(Monday.AddHours(23.5), outage.At);
        Assert.Equal(240, outage.WorkMinutes);
        Assert.Equal(Enumerable.Range(1, arrivals.Count).Select(i => IncidentGenerator.IncidentIdFor(i)), arrivals.Select(a => a.IncidentId));
        Assert.True(arrivals.Zip(arrivals.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
    }
}
