using System.Diagnostics;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Clock;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Announces every shift start and end in simulated time, opens a handoff at every shift end,
/// escalates handoffs whose window closes with items nobody took over, and escalates incidents
/// about to miss their acknowledgement target.
/// </summary>
public sealed class ShiftClock(
    SimulationClock clock,
    DispatchCoordinator coordinator,
    IBus bus,
    IHostApplicationLifetime lifetime,
    ILogger<ShiftClock> logger) : RunLoop(lifetime)
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var alarm = coordinator.ShiftClockAlarm;
        await clock.Started.WaitAsync(stoppingToken);
        var roster = coordinator.Roster;
        var cursor = clock.GetUtcNow();

        // Whoever is on duty when dispatch starts is announced, so the board starts complete.
        foreach (var shift in roster.OnDuty(cursor))
        {
            await bus.Publish(new ShiftStarted(shift.ShiftId, shift.DeskId, shift.StartsAt, shift.EndsAt, cursor), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var boundary = roster.NextBoundary(cursor).At;
            // A deadline or check already past (its message came late) is handled now, and the
            // cursor never goes back over boundaries already announced.
            var due = Latest(cursor, Earliest(boundary, coordinator.NextHandoffDeadline(), coordinator.NextEscalationCheck()));
            // Rung early when a briefing moved a deadline: the next wake-up is worked out again.
            if (await coordinator.ShiftClockAlarm.SleepUntilAsync(due, stoppingToken))
            {
                continue;
            }

            foreach (var change in roster.BoundariesBetween(cursor, due))
            {
                if (change.IsStart)
                {
                    logger.LogInformation("Shift {ShiftId} of desk {Desk} starts at {At:u}", change.Shift.ShiftId, change.Shift.DeskId, change.At);
                    await bus.Publish(new ShiftStarted(change.Shift.ShiftId, change.Shift.DeskId, change.Shift.StartsAt, change.Shift.EndsAt, change.At), stoppingToken);
                }
                else
                {
                    var plan = roster.PlanHandoff(change.Shift);
                    using var activity = OpsTelemetry.ActivitySource.StartActivity($"handoff {plan.Outgoing.DeskId.ToUpperInvariant()}→{plan.Incoming.DeskId.ToUpperInvariant()} opens");
                    activity?.SetTag("ops.handoff.id", plan.HandoffId);
                    activity?.SetTag("ops.shift.id", plan.Outgoing.ShiftId);
                    activity?.SetTag("ops.simulated_time", change.At.ToString("O"));
                    logger.LogInformation("Shift {ShiftId} ends at {At:u}: handoff {HandoffId} to {Incoming}", change.Shift.ShiftId, change.At, plan.HandoffId, plan.Incoming.DeskId);
                    await bus.Publish(coordinator.OpenHandoff(plan), stoppingToken);
                }
            }

            foreach (var escalation in coordinator.EscalateBeforeBreach(due))
            {
                logger.LogWarning("{Incident} escalated from {From} to {To}: {Reason}", escalation.IncidentId, escalation.FromDeskId, escalation.Paged ? "the on-call pager" : escalation.DeskId, escalation.Reason);
                await bus.Publish(escalation, stoppingToken);
            }

            foreach (var escalation in coordinator.EscalateOverdue(due))
            {
                logger.LogWarning("Handoff {HandoffId} escalated {Item}: {Reason}", escalation.HandoffId, escalation.IncidentId.Length == 0 ? "as a whole" : escalation.IncidentId, escalation.Reason);
                await bus.Publish(escalation, stoppingToken);
            }

            cursor = due;
        }
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earliest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.Aggregate(first, (earliest, other) => other is { } at && at < earliest ? at : earliest);
}
