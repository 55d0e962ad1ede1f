using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Domain.HandoffScoring;
using Malaysia.Ops.OperationsConsole.Controls;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>The board as served: the projection with the run's status, traffic figures and load
/// panel, and (embedded, where dispatch runs in this process) each finished handoff's score.</summary>
public sealed class BoardView(BoardProjection board, ConsoleControls controls, ConsoleRun run, IOptions<ConsoleOptions> options, QueueDepth depth, ConsoleLoadFigures load,
    TimeProvider wall, IServiceProvider services)
{
    private readonly DispatchCoordinator? dispatch = services.GetService<DispatchCoordinator>();

    private readonly Lock gate = new();
    private (DateTimeOffset At, long Messages) lastSample = (wall.GetUtcNow(), 0);
    private double messagesPerSecond;

    public BoardSnapshot Snapshot()
    {
        var (queued, consumers) = depth.Read();
        var status = controls.Status();
        var snapshot = board.Snapshot(run.Name, options.Value.Mode.ToString().ToLowerInvariant(), status, new BoardFlow(0, 0, MessagesPerSecond(), queued, consumers))
            with { Load = load.Panel(status.LoadIncidentsPerHour is not null, queued) };
        if (dispatch is null || snapshot.Handoffs.Count == 0)
        {
            return snapshot;
        }

        var scores = dispatch.Handoffs().ToDictionary(h => h.HandoffId, HandoffScorer.Of, StringComparer.Ordinal);
        return snapshot with { Handoffs = [.. snapshot.Handoffs.Select(h => h with { Score = scores.GetValueOrDefault(h.HandoffId) })] };
    }

    /// <summary>Messages the board took in per wall second, over the last second or more.</summary>
    private double MessagesPerSecond()
    {
        lock (gate)
        {
            var now = wall.GetUtcNow();
            var seen = board.MessagesSeen;
            var elapsed = (now - lastSample.At).TotalSeconds;
            if (elapsed >= 1)
            {
                messagesPerSecond = Math.Round((seen - lastSample.Messages) / elapsed, 1);
                lastSample = (now, seen);
            }

            return messagesPerSecond;
        }
    }
}
