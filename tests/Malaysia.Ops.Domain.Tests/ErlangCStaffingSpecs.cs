using Malaysia.Ops.Domain.Queueing;
using Malaysia.Ops.Domain.Staffing;

namespace Malaysia.Ops.Domain.Tests;

/// <summary>Erlang-C staffing against a published calculator's worked example: 100 contacts per
/// 30 minutes, 3 minutes' average handling time, 80% answered within 20 seconds.</summary>
public class ErlangCStaffingSpecs
{
    // Per minute: 100 / 30 arrivals, 1 / 3 services per engineer, a target of 20 s.
    private const double Arrivals = 100.0 / 30;
    private const double Services = 1.0 / 3;
    private const double Within = 20.0 / 60;

    [Fact]
    public void Reproduces_the_published_calculator()
    {
        var engineers = ErlangCStaffing.AnsweringWithin(Arrivals, Services, Within, 0.8);

        Assert.Equal(14, engineers);
        Assert.Equal(0.174, ErlangC.ProbabilityOfWaiting(Arrivals, Services, engineers), 3);
        Assert.Equal(0.888, ErlangC.ServiceLevel(Arrivals, Services, engineers, Within), 3);
        Assert.Equal(0.714, ErlangC.Occupancy(Arrivals, Services, engineers), 3);
        Assert.True(ErlangC.ServiceLevel(Arrivals, Services, engineers - 1, Within) < 0.8);
    }

    [Fact]
    public void Shrinkage_and_maximum_occupancy_give_the_published_roster()
    {
        var productive = ErlangCStaffing.AnsweringWithin(Arrivals, Services, Within, 0.8, maxOccupancy: 0.85);

        Assert.Equal(14, productive);
        Assert.Equal(20, ErlangCStaffing.Rostered(productive, 0.3));
    }

    [Fact]
    public void A_low_maximum_occupancy_adds_engineers_the_service_level_does_not_need()
    {
        // 10 erlangs at most 50% occupied need 20 engineers, though 14 answer in time.
        Assert.Equal(20, ErlangCStaffing.AnsweringWithin(Arrivals, Services, Within, 0.8, maxOccupancy: 0.5));
    }

    [Fact]
    public void Finishing_within_a_time_adds_the_work_to_the_wait()
    {
        // M/M/1 at ρ = 0.5: the time in the system is exponential at μ - λ = 0.5.
        Assert.Equal(1 - Math.Exp(-0.5 * 3), ErlangC.FinishedWithin(0.5, 1, 1, 3, 1), 12);

        // A work rate equal to θ takes the limit of the formula: c = 2, λ = 1, μ = 1 gives θ = 1.
        var near = ErlangC.FinishedWithin(1, 1, 2, 2, 1 + 1e-7);
        Assert.Equal(near, ErlangC.FinishedWithin(1, 1, 2, 2, 1), 6);
    }

    [Fact]
    public void Nothing_arriving_needs_nobody_and_bad_inputs_are_refused()
    {
        Assert.Equal(0, ErlangCStaffing.AnsweringWithin(0, Services, Within, 0.8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangCStaffing.Rostered(3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangCStaffing.AnsweringWithin(Arrivals, Services, Within, 0.8, maxOccupancy: 0));
    }
}
