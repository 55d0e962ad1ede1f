using System.Globalization;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Dispatch.Load;

/// <summary>
/// Logs, every "Dispatch:LoadReportSeconds" wall seconds while synthetic load is coming through,
/// how far it got end to end (<see cref="LoadProgress"/>) and the depth and consumers of
/// dispatch's and each desk's queue: where a load demo shows whether the operation keeps up,
/// and where it falls behind.
/// </summary>
public sealed class LoadProgressReporter(
    LoadProgress progress,
    QueueGauge queues,
    LoadQueues depth,
    Domain.Rosters.Roster roster,
    IOptions<DispatchOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<LoadProgressReporter> logger) : RunLoop(lifetime)
{
    private static readonly double[] Percentiles = [50, 99, 99.9];

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (options.Value.LoadReportSeconds <= 0)
        {
            return;
        }

        var every = TimeSpan.FromSeconds(options.Value.LoadReportSeconds);
        var before = (Raised: 0L, Assigned: 0L, Acknowledged: 0L, Resolved: 0L);
        while (true)
        {
            // Real wall time, on a virtual-time run too: the lines are for people watching.
            await Task.Delay(every, stoppingToken);
            var now = (progress.Raised, progress.Assigned, progress.Acknowledged, progress.Resolved);
            if (now == before)
            {
                continue;
            }

            var readings = await queues.ReadAsync(
                QueueNames.Of(roster),
                "malaysia-ops-dispatch-load-figures",
                stoppingToken);
            if (readings is not null)
            {
                depth.Read(readings);
            }

            logger.LogInformation(
                "Load through dispatch: {Raised} booked ({Rate:0}/s over the last {Every:0.#} s), {Assigned} assigned, {Acknowledged} acknowledged, {Resolved} resolved, {Open} open; from the raise, since the load began (and over the last interval): to assigned {ToAssigned} ({ToAssignedLately}); to acknowledged {ToAcknowledged} ({ToAcknowledgedLately}); to resolved {ToResolved} ({ToResolvedLately}); queues {Queues}",
                now.Raised,
                (now.Raised - before.Raised) / every.TotalSeconds,
                every.TotalSeconds,
                now.Assigned,
                now.Acknowledged,
                now.Resolved,
                progress.Open,
                progress.ToAssigned.Describe(Percentiles),
                progress.ToAssigned.DescribeInterval(Percentiles),
                progress.ToAcknowledged.Describe(Percentiles),
                progress.ToAcknowledged.DescribeInterval(Percentiles),
                progress.ToResolved.Describe(Percentiles),
                progress.ToResolved.DescribeInterval(Percentiles),
                readings is null
                    ? "unknown"
                    : string.Join(", ", readings.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Queue} {r.Messages} waiting ({r.Consumers} consumer{(r.Consumers == 1 ? string.Empty : "s")})"))));
            before = now;
        }
    }
}
