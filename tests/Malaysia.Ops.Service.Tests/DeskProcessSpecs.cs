using Malaysia.Ops.Clock;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Desk;
using Microsoft.Extensions.Logging.Abstractions;

namespace Malaysia.Ops.Service.Tests;

/// <summary>A desk in a process: what it takes in once, whatever the broker redelivers.</summary>
public sealed class DeskProcessSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 13, 2, 0, 0, TimeSpan.Zero);

    private static IncidentAssigned Assigned(DateTimeOffset at) => new("INC-1", "us", "US-1", T0, false, IncidentType.DataPipelineLag, Severity.Sev3, 30, at);

    [Fact]
    public void An_assignment_that_failed_before_the_desk_held_it_is_taken_when_it_is_redelivered()
    {
        var options = new DeskOptions { Id = "us", Engineers = 1 };
        var desk = new DeskProcess(options, SimulationClock.Virtual(T0), seed: 7, NullLogger.Instance);

        // The desk's options break while it takes the first delivery in: it fails before the
        // model has the incident.
        options.Skills = null!;
        Assert.ThrowsAny<Exception>(() => desk.Consume(Assigned(T0), default));
        Assert.Equal(0, desk.OpenCount);

        options.Skills = [];
        var sent = desk.Consume(Assigned(T0), default);

        Assert.Equal(1, desk.OpenCount);
        Assert.Equal([typeof(IncidentAcknowledged), typeof(IncidentUpdated)], sent.Select(m => m.Message.GetType()));
    }

    [Fact]
    public void A_redelivered_assignment_is_taken_once()
    {
        var desk = new DeskProcess(new DeskOptions { Id = "us", Engineers = 1 }, SimulationClock.Virtual(T0), seed: 7, NullLogger.Instance);
        Assert.Equal(2, desk.Consume(Assigned(T0), default).Count);

        Assert.Empty(desk.Consume(Assigned(T0), default));
        Assert.Equal(1, desk.OpenCount);
    }

    [Fact]
    public void A_redelivered_briefing_brings_only_what_is_new()
    {
        var desk = new DeskProcess(new DeskOptions { Id = "us", Engineers = 1 }, SimulationClock.Virtual(T0), seed: 7, NullLogger.Instance);
        var item = new HandoffItem("INC-1", IncidentType.DataPipelineLag, Severity.Sev3, WorkStatus.Queued, true, 30, 1, "notes", "triage and start work");
        var briefing = new HandoffBriefing("HO-2", "my", "us", T0, [item], T0, T0);
        desk.Consume(briefing, default);

        Assert.Empty(desk.Consume(briefing, default));
        Assert.Equal(1, desk.OpenCount);
    }

    [Fact]
    public void A_desk_process_that_does_not_wait_for_activation_is_active_at_once()
    {
        var desk = new DeskProcess(new DeskOptions { Id = "us" }, SimulationClock.Virtual(T0), seed: 7, NullLogger.Instance);

        Assert.True(desk.Active.IsCompleted);
        Assert.False(desk.StandingBy);
    }

    [Fact]
    public void A_hot_standby_is_active_from_its_first_delivery_and_takes_no_assignment_decided_before()
    {
        var wall = new HandWall(T0);
        var clock = new SimulationClock(T0, 60, wall);
        clock.Start(T0);
        var desk = new DeskProcess(new DeskOptions { Id = "us", Engineers = 2 }, clock, seed: 7, NullLogger.Instance);
        desk.WaitForActivation();
        Assert.True(desk.StandingBy);
        Assert.False(desk.Active.IsCompleted);

        // Decided while this process stood by: it waited in the queue for the active process,
        // which died; dispatch gives the desk again what it still owns.
        var waited = Assigned(T0) with { SentAtWall = T0.AddMinutes(1) };
        wall.Now = T0.AddMinutes(10);
        desk.Activate();
        desk.Activate();

        Assert.False(desk.StandingBy);
        Assert.True(desk.Active.IsCompleted);
        Assert.Empty(desk.Consume(waited, default));
        Assert.Equal(2, desk.Consume(Assigned(T0) with { IncidentId = "INC-2", SentAtWall = wall.Now }, default).Count);
        Assert.Equal(1, desk.OpenCount);
    }
}
