using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.OperationsConsole.Board;
using Malaysia.Ops.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>The board's consumer on a bus: a message the board refuses faults with the reason
/// (so it goes to the console's error queue, as a refused message does at dispatch) and the
/// board keeps what it had.</summary>
public sealed class BoardEventsConsumerSpecs
{
    private static readonly DateTimeOffset At = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);

    private static Roster UsOnly() => Roster.Create(
    [
        new DeskRoster("us", "US desk (New York)", TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), [ShiftPattern.TryParse("08:00-20:00", out var shift) ? shift : throw new InvalidOperationException("not a shift")]),
    ]);

    [Fact]
    public async Task A_raised_incident_with_a_summary_of_megabytes_faults_with_its_reason_and_leaves_the_board_as_it_was()
    {
        var board = new BoardProjection(UsOnly(), ServiceLevels.Default);
        await using var provider = new ServiceCollection()
            .AddSingleton(board)
            .AddSingleton(SimulationClock.Virtual(At))
            .AddSingleton<ConsoleLoadFigures>()
            .AddMassTransitTestHarness(x => x.AddConsumer<BoardEventsConsumer>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var consumer = harness.GetConsumerHarness<BoardEventsConsumer>();

        await harness.Bus.Publish(new IncidentRaised("INC-1", IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-a", "Xid 79", 240, At));
        Assert.True(await consumer.Consumed.Any<IncidentRaised>(m => m.Context.Message.IncidentId == "INC-1"));
        await harness.Bus.Publish(new IncidentRaised("INC-2", IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-a", new string('x', 5 * 1024 * 1024), 240, At));

        Assert.True(await consumer.Consumed.Any<IncidentRaised>(m => m.Context.Message.IncidentId == "INC-2"));
        var refused = consumer.Consumed.Select<IncidentRaised>(m => m.Context.Message.IncidentId == "INC-2").Single();
        var reason = Assert.IsType<InvalidMessageException>(refused.Exception);
        Assert.Equal("IncidentRaised rejected: Summary is 5242880 characters long (at most 2000)", reason.Message);
        Assert.True(await harness.Published.Any<Fault<IncidentRaised>>());
        var snapshot = board.Snapshot("test", "attached", new RunStatus(RunState.Running, At, 60, At.AddHours(-1), At.AddHours(1), null), new BoardFlow(0, 0, 0, null, null));
        Assert.Equal((1, 1), (snapshot.Totals.Raised, snapshot.Totals.Open));
        Assert.Equal("INC-1 Sev1 GpuNodeFailure raised on kul-gpu-a: Xid 79", Assert.Single(snapshot.Timeline).Text);
    }
}
