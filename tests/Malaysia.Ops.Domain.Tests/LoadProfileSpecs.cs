using Malaysia.Ops.Domain.Load;

namespace Malaysia.Ops.Domain.Tests;

public class LoadProfileSpecs
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_constant_load_is_due_at_its_rate_and_nothing_outside_its_run()
    {
        var load = new LoadProfile(LoadShape.Constant, 200, 0, Minute);

        Assert.Equal(0, load.DueBy(TimeSpan.FromSeconds(-1)));
        Assert.Equal(2_000, load.DueBy(TimeSpan.FromSeconds(10)), 6);
        Assert.Equal(12_000, load.DueBy(TimeSpan.FromMinutes(5)), 6);
        Assert.Equal(12_000, load.Total);
        Assert.Equal(200, load.RateAt(TimeSpan.FromSeconds(59)));
        Assert.Equal(0, load.RateAt(Minute));
    }

    [Fact]
    public void A_ramp_climbs_in_a_straight_line_and_offers_the_area_under_it()
    {
        var load = new LoadProfile(LoadShape.Ramp, 100, 300, Minute);

        Assert.Equal(100, load.RateAt(TimeSpan.Zero));
        Assert.Equal(200, load.RateAt(TimeSpan.FromSeconds(30)), 6);
        Assert.Equal(30 * 100 + (200.0 * 30 * 30 / 120), load.DueBy(TimeSpan.FromSeconds(30)), 6);
        Assert.Equal(12_000, load.Total);
    }

    [Fact]
    public void A_spike_adds_its_extra_only_while_it_lasts_and_not_past_the_run()
    {
        var load = new LoadProfile(LoadShape.Spike, 100, 1_000, Minute, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10));

        Assert.Equal(100, load.RateAt(TimeSpan.FromSeconds(19)));
        Assert.Equal(1_000, load.RateAt(TimeSpan.FromSeconds(20)));
        Assert.Equal(100, load.RateAt(TimeSpan.FromSeconds(30)));
        Assert.Equal(2_000, load.DueBy(TimeSpan.FromSeconds(20)), 6);
        Assert.Equal(2_000 + 10_000, load.DueBy(TimeSpan.FromSeconds(30)), 6);
        Assert.Equal(6_000 + 9_000, load.Total);

        var late = load with { SpikeAt = TimeSpan.FromSeconds(55) };
        Assert.Equal(6_000 + (900 * 5), late.Total);
    }

    [Fact]
    public void What_is_due_never_goes_down_as_the_run_goes_on()
    {
        foreach (var load in new[]
        {
            new LoadProfile(LoadShape.Constant, 37.5, 0, Minute),
            new LoadProfile(LoadShape.Ramp, 500, 0, Minute),
            new LoadProfile(LoadShape.Spike, 10, 400, Minute, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3)),
        })
        {
            var before = 0.0;
            for (var ms = 0; ms <= 61_000; ms += 250)
            {
                var due = load.DueBy(TimeSpan.FromMilliseconds(ms));
                Assert.True(due >= before, $"{load}: {due} due at {ms} ms, fewer than {before} before");
                before = due;
            }
        }
    }

    [Fact]
    public void Each_bad_setting_is_named()
    {
        Assert.Empty(new LoadProfile(LoadShape.Constant, 200, double.NaN, Minute).Problems("Workload:Load"));
        Assert.Equal(
            [
                "Workload:Load:Rate: -1 is out of range (0 to 100000 incidents per second)",
                "Workload:Load:PeakRate: NaN is out of range (0 to 100000 incidents per second)",
                "Workload:Load:Seconds: 0 is out of range (more than 0, up to 86400 wall seconds)",
                "Workload:Load:SpikeAtSeconds/SpikeSeconds: a spike at 0 s for 0 s does not fall within the run of 0 s",
            ],
            new LoadProfile(LoadShape.Spike, -1, double.NaN, TimeSpan.Zero).Problems("Workload:Load"));
    }
}
