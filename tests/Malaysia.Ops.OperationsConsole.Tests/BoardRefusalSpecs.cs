using System.Text.Json;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.OperationsConsole.Board;
using Malaysia.Ops.Messaging;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>A message the services' own checks would refuse is refused by the board too, whole,
/// and the board keeps what it had: one from outside the services may carry anything.</summary>
public class BoardRefusalSpecs
{
    private static readonly DateTimeOffset At = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wall = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private const string HandoffId = "HO-20260715T0000Z-us-my";
    private static readonly string FiveMegabytes = new('x', 5 * 1024 * 1024);

    private static Roster UsAndMy() => Roster.Create(
    [
        new DeskRoster("us", "US desk (New York)", TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), [DayShift()]),
        new DeskRoster("my", "Malaysian desk (Kuala Lumpur)", TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur"), [DayShift()]),
    ]);

    private static ShiftPattern DayShift() =>
        ShiftPattern.TryParse("08:00-20:00", out var shift) ? shift : throw new InvalidOperationException("not a shift");

    private static string Snapshot(BoardProjection board) =>
        JsonSerializer.Serialize(board.Snapshot("test", "attached", new RunStatus(RunState.Running, At, 60, At.AddHours(-1), At.AddHours(12), null), new BoardFlow(0, 0, 0, null, null)))
        + $" messages {board.MessagesSeen}";

    private static HandoffItem Item(string id) =>
        new(id, IncidentType.GpuNodeFailure, Severity.Sev1, WorkStatus.InProgress, true, 200, 1, "us worked it since 23:40Z", "continue the fix");

    private static IncidentRaised Raised(string id, string summary = "Xid 79") =>
        new(id, IncidentType.GpuNodeFailure, Severity.Sev1, "kul-gpu-a", summary, 240, At.AddMinutes(-30));

    /// <summary>A board with an incident on the US desk, a briefing waiting for the Malaysian
    /// desk's lead, and a fault report: whatever a refused message could have spoilt.</summary>
    private static BoardProjection Accepted()
    {
        var board = new BoardProjection(UsAndMy(), ServiceLevels.Default);
        board.DeskReported(new DeskStateReported("my", Human: true, [], At.AddHours(-1)), Wall);
        board.Raised(Raised("INC-1"), null, synthetic: false, Wall);
        board.Assigned(new IncidentAssigned("INC-1", "us", "us-20260714-0800", At, false, IncidentType.GpuNodeFailure, Severity.Sev1, 240, At));
        board.Briefed(new HandoffBriefing(HandoffId, "us", "my", At, [Item("INC-1")], Wall, At), Wall);
        return board;
    }

    [Fact]
    public void A_raised_incident_with_a_summary_of_megabytes_is_refused_and_the_board_keeps_what_it_had()
    {
        var board = Accepted();
        var before = Snapshot(board);

        var refused = Assert.Throws<InvalidMessageException>(() => board.Raised(Raised("INC-2", FiveMegabytes), null, synthetic: false, Wall));

        Assert.Equal($"IncidentRaised rejected: Summary is {FiveMegabytes.Length} characters long (at most 2000)", refused.Message);
        Assert.Equal(before, Snapshot(board));
        Assert.Contains("INC-1 Sev1 GpuNodeFailure raised on kul-gpu-a: Xid 79", before, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assigned", "IncidentAssigned rejected: Severity 99 is not a severity")]
    [InlineData("acknowledged", "IncidentAcknowledged rejected: DeskId is 5242880 characters long (at most 128)")]
    [InlineData("escalated", "IncidentEscalated rejected: Reason is 5242880 characters long (at most 2000)")]
    [InlineData("resolved", "IncidentResolved rejected: IncidentId is empty")]
    [InlineData("shift-ending", "ShiftEnding rejected: HandoffId is empty")]
    [InlineData("briefing", "HandoffBriefing rejected: Items[1].Notes is 5242880 characters long (at most 2000); Items[1].Status 7 is not a work status")]
    [InlineData("accepted", "HandoffItemAccepted rejected: HandoffId is 5242880 characters long (at most 128)")]
    [InlineData("queried", "HandoffItemQueried rejected: Question is 5242880 characters long (at most 2000)")]
    [InlineData("completed", "HandoffCompleted rejected: ItemsAccepted -1 is not a count (0 or more)")]
    [InlineData("handoff-escalated", "HandoffEscalated rejected: IncidentId is 5242880 characters long (at most 128)")]
    [InlineData("desk-state", "DeskStateReported rejected: Faults has 17 entries (at most 16)")]
    [InlineData("rejection", "Fault<IncidentAssigned> rejected: Reason is 5242880 characters long (at most 2000)")]
    public void An_oversize_or_impossible_message_is_refused_naming_what_is_wrong_and_the_board_keeps_what_it_had(string message, string problem)
    {
        var board = Accepted();
        var before = Snapshot(board);

        var refused = Assert.Throws<InvalidMessageException>(() => Apply(board, message));

        Assert.Equal(problem, refused.Message);
        Assert.Equal(before, Snapshot(board));
    }

    private static void Apply(BoardProjection board, string message)
    {
        switch (message)
        {
            case "assigned":
                board.Assigned(new IncidentAssigned("INC-1", "my", "my-20260715-0800", At, false, IncidentType.GpuNodeFailure, (Severity)99, 240, At));
                break;
            case "acknowledged":
                board.Acknowledged(new IncidentAcknowledged("INC-1", FiveMegabytes, At));
                break;
            case "escalated":
                board.Escalated(new IncidentEscalated("INC-1", "us", "my", false, "my-20260715-0800", At, FiveMegabytes, At), Wall);
                break;
            case "resolved":
                board.Resolved(new IncidentResolved(string.Empty, "us", At));
                break;
            case "shift-ending":
                board.ShiftEnded(new ShiftEnding(" ", "us-20260714-0800", "us", "my", "my-20260715-0800", At, At));
                break;
            case "briefing":
                board.Briefed(new HandoffBriefing("HO-2", "us", "my", At, [Item("INC-3"), Item("INC-4") with { Notes = FiveMegabytes, Status = (WorkStatus)7 }], Wall, At), Wall);
                break;
            case "accepted":
                board.ItemAccepted(new HandoffItemAccepted(FiveMegabytes, "INC-1", "my", Wall, Wall, At), Wall);
                break;
            case "queried":
                board.ItemQueried(new HandoffItemQueried(HandoffId, "INC-1", "my", FiveMegabytes, At), Wall);
                break;
            case "completed":
                board.HandoffCompleted(new HandoffCompleted(HandoffId, "us", "my", -1, 0, Wall, Wall, At), Wall);
                break;
            case "handoff-escalated":
                board.HandoffEscalated(new HandoffEscalated(HandoffId, FiveMegabytes, "us", "my", "not accepted within the handoff window", At), Wall);
                break;
            case "desk-state":
                board.DeskReported(new DeskStateReported("my", false, [.. Enumerable.Range(1, 17).Select(i => $"fault {i}")], At), Wall);
                break;
            case "rejection":
                board.Rejected("us", "desk", nameof(IncidentAssigned), FiveMegabytes, At, Wall);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(message), message, "not a message of these specs");
        }
    }
}
