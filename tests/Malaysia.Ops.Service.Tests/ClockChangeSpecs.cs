using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Messaging;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Dispatch changes the run's clock only for a request that names a change it knows,
/// who asked, and for a speed, a finite speed above zero; anything else goes to the error queue
/// with the reason.</summary>
public sealed class ClockChangeSpecs
{
    private static readonly DateTimeOffset At = new(2026, 7, 13, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_clock_change_names_a_known_change_who_asked_and_a_usable_speed()
    {
        Assert.Empty(ClockChangeChecks.Problems(new SimulationClockChangeRequested(ClockChange.Pause, null, "console", At)));
        Assert.Empty(ClockChangeChecks.Problems(new SimulationClockChangeRequested(ClockChange.Speed, 120, "console", At)));
        Assert.Equal(
            ["Change 7 is not a clock change (Pause, Resume or Speed)", "RequestedBy is empty"],
            ClockChangeChecks.Problems(new SimulationClockChangeRequested((ClockChange)7, null, null!, At)));
        Assert.Equal(["RequestedBy is empty"], ClockChangeChecks.Problems(new SimulationClockChangeRequested(ClockChange.Pause, null, " ", At)));
        foreach (var speed in new double?[] { null, 0, -2, double.NaN, double.PositiveInfinity })
        {
            Assert.Single(ClockChangeChecks.Problems(new SimulationClockChangeRequested(ClockChange.Speed, speed, "console", At)));
        }
    }

    [Fact]
    public async Task A_request_that_is_not_a_clock_change_is_refused_to_the_error_queue()
    {
        using var host = await DispatchAndDeskSpecs.StartOperation("2026-07-13T10:00:00Z");
        var harness = host.Services.GetRequiredService<ITestHarness>();
        await harness.Bus.Publish(new SimulationClockChangeRequested(ClockChange.Pause, null, string.Empty, At));

        Assert.True(await harness.Consumed.Any<SimulationClockChangeRequested>(c => c.Exception is not null));
        var refused = Assert.Single(harness.Consumed.Select<SimulationClockChangeRequested>());
        var problem = Assert.IsType<InvalidMessageException>(refused.Exception);
        Assert.Equal("SimulationClockChangeRequested rejected: RequestedBy is empty", problem.Message);
    }
}
