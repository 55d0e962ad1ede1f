using Malaysia.Ops.OperationsConsole.Controls;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>The board as served: the projection with the run's status, traffic figures and load panel.</summary>
public sealed class BoardView(BoardProjection board, ConsoleControls controls, ConsoleRun run, IOptions<ConsoleOptions> options, QueueDepth depth, ConsoleLoadFigures load, TimeProvider wall)
{
    private readonly Lock gate = new();
    private (DateTimeOffset At, long Messages) lastSample = (wall.GetUtcNow(), 0);
    private double messagesPerSecond;

    public BoardSnapshot Snapshot()
    {
        var (queued, consumers) = depth.Read();
        var status = controls.Status();
        return board.Snapshot(run.Name, options.Value.Mode.ToString().ToLowerInvariant(), status, new BoardFlow(0, 0, MessagesPerSecond(), queued, consumers))
            with { Load = load.Panel(status.LoadIncidentsPerHour is not null, queued) };
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
