using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Dispatch.Load;

/// <summary>The load's figures as this dispatch has them, for its HTTP endpoint and for a load
/// driver in the same process.</summary>
public sealed class LoadFiguresOfDispatch(LoadProgress progress, LoadQueues queues) : IDispatchLoadFigures
{
    public LoadThroughDispatch Read(IReadOnlyList<double> percentiles)
    {
        var stages = new[] { ("assign", progress.ToAssigned), ("acknowledge", progress.ToAcknowledged), ("resolve", progress.ToResolved) };
        var latencies = stages
            .SelectMany(stage => percentiles.Select(p => new StageLatency(stage.Item1, p, stage.Item2.Milliseconds(p))))
            .ToList();
        return new LoadThroughDispatch(
            progress.Raised,
            progress.Assigned,
            progress.Acknowledged,
            progress.Resolved,
            progress.Open,
            latencies,
            queues.Last,
            queues.Peak);
    }

    public Task<LoadThroughDispatch?> ReadAsync(IReadOnlyList<double> percentiles, CancellationToken cancellationToken) =>
        Task.FromResult<LoadThroughDispatch?>(Read(percentiles));
}
