using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Dispatch.Roster;
using Malaysia.Ops.Clock;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// Which desks dispatch counts as down: silent past the limit of wall time while another desk
/// is heard from. Every desk is silent when the broker is away, and none of them is then down;
/// in virtual time, or with the limit at 0, no desk ever is.
/// </summary>
public sealed class DeskLivenessSpecs
{
    private static readonly DateTimeOffset Epoch = new(2026, 7, 13, 9, 0, 0, TimeSpan.Zero);

    private static DeskLiveness Liveness(SimulationClock clock, double silenceSeconds = 30) =>
        new(RosterFactory.Build(new RosterOptions()), clock, Options.Create(new DispatchOptions { DeskSilenceSeconds = silenceSeconds }));

    [Fact]
    public void A_desk_silent_past_the_limit_is_down_while_the_other_desk_reports_in()
    {
        var wall = new HandWall(DateTimeOffset.UnixEpoch);
        var liveness = Liveness(new SimulationClock(Epoch, 60, wall));

        wall.Now += TimeSpan.FromSeconds(20);
        liveness.Heard("us");
        liveness.Heard("my");
        wall.Now += TimeSpan.FromSeconds(25);
        liveness.Heard("us");
        Assert.Empty(liveness.Down());

        wall.Now += TimeSpan.FromSeconds(10);
        Assert.Equal(["my"], liveness.Down());

        liveness.Heard("MY");
        Assert.Empty(liveness.Down());
    }

    [Fact]
    public void When_every_desk_is_silent_none_is_counted_down()
    {
        var wall = new HandWall(DateTimeOffset.UnixEpoch);
        var liveness = Liveness(new SimulationClock(Epoch, 60, wall));

        wall.Now += TimeSpan.FromMinutes(5);

        Assert.Empty(liveness.Down());
    }

    [Fact]
    public void In_virtual_time_or_with_the_limit_at_zero_no_desk_is_ever_down()
    {
        var wall = new HandWall(DateTimeOffset.UnixEpoch);
        var off = Liveness(new SimulationClock(Epoch, 60, wall), silenceSeconds: 0);
        var virtualRun = Liveness(SimulationClock.Virtual(Epoch));
        off.Heard("us");
        virtualRun.Heard("us");

        wall.Now += TimeSpan.FromHours(1);
        off.Heard("us");

        Assert.Empty(off.Down());
        Assert.Empty(virtualRun.Down());
    }
}
