using System.Diagnostics;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static Malaysia.Ops.Domain.Instants;

namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Announces every shift start and end in simulated time, opens a handoff at every shift end,
/// escalates handoffs whose window closes with items nobody took over (giving the work of a desk
/// that is down to one that is up), and escalates incidents about to miss their acknowledgement
/// target.
/// </summary>
public sealed class ShiftClock(
    SimulationClock clock,
    DurableDispatch dispatch,
    DeskLiveness liveness,
    IBus bus,
    IHostApplicationLifetime lifetime,
    ILogger<ShiftClock> logger) : RunLoop(lifetime)
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var coordinator = dispatch.Coordinator;
        using var alarm = coordinator.ShiftClockAlarm;
        await clock.Started.WaitAsync(stoppingToken);
        var roster = coordinator.Roster;

        // A restarted dispatch goes on from where its shift clock stopped: the boundaries and
        // deadlines that passed while it was down are handled now, late rather than never.
        var cursor = dispatch.ResumeShiftClockFrom ?? clock.GetUtcNow();
        if (dispatch.ResumeShiftClockFrom is { } resumed)
        {
            logger.LogWarning("Shift clock resumes from {Cursor:u} (now {Now:u})", resumed, clock.GetUtcNow());
        }

        await dispatch.PublishUnpublishedAsync(bus, stoppingToken);

        // Whoever is on duty when dispatch starts is announced, so the board starts complete.
        foreach (var shift in roster.OnDuty(cursor))
        {
            await bus.PublishConfirmedAsync(new ShiftStarted(shift.ShiftId, shift.DeskId, shift.StartsAt, shift.EndsAt, cursor), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var due = NextDue(coordinator, cursor);
            // Rung early when a briefing moved a deadline: the next wake-up is worked out again.
            if (await coordinator.ShiftClockAlarm.SleepUntilAsync(due, stoppingToken))
            {
                continue;
            }

            var entry = dispatch.Advance(cursor, due, liveness.Down());
            await dispatch.StoredAsync(entry, stoppingToken);
            foreach (var message in entry.Outputs)
            {
                await PublishAsync(message, stoppingToken);
            }

            await dispatch.PublishedAsync(entry);
            cursor = due;
        }
    }

    private async Task PublishAsync(IOpsMessage message, CancellationToken stoppingToken)
    {
        switch (message)
        {
            case ShiftStarted started:
                logger.LogInformation("Shift {ShiftId} of desk {Desk} starts at {At:u}", started.ShiftId, started.DeskId, started.SimulatedAt);
                break;
            case ShiftEnding ending:
                using (var activity = OpsTelemetry.ActivitySource.StartActivity($"handoff {ending.DeskId.ToUpperInvariant()}→{ending.IncomingDeskId.ToUpperInvariant()} opens"))
                {
                    activity?.SetTag("ops.handoff.id", ending.HandoffId);
                    activity?.SetTag("ops.shift.id", ending.ShiftId);
                    activity?.SetTag("ops.simulated_time", ending.SimulatedAt.ToString("O"));
                    logger.LogInformation("Shift {ShiftId} ends at {At:u}: handoff {HandoffId} to {Incoming}", ending.ShiftId, ending.SimulatedAt, ending.HandoffId, ending.IncomingDeskId);
                    await bus.PublishConfirmedAsync(ending, stoppingToken);
                }

                return;
            case IncidentEscalated escalation:
                logger.LogWarning("{Incident} escalated from {From} to {To}: {Reason}", escalation.IncidentId, escalation.FromDeskId, escalation.Paged ? "the on-call pager" : escalation.DeskId, escalation.Reason);
                break;
            case HandoffEscalated escalation:
                logger.LogWarning("Handoff {HandoffId} escalated {Item}: {Reason}", escalation.HandoffId, escalation.IncidentId.Length == 0 ? "as a whole" : escalation.IncidentId, escalation.Reason);
                break;
        }

        await bus.PublishConfirmedAsync(message, stoppingToken);
    }

    /// <summary>When the shift clock, having moved to <paramref name="cursor"/>, must next
    /// move: the next shift boundary, handoff deadline or acknowledgement check.</summary>
    public static DateTimeOffset NextDue(DispatchCoordinator coordinator, DateTimeOffset cursor)
    {
        var boundary = coordinator.Roster.NextBoundary(cursor).At;
        // A deadline or check already past (its message came late) is handled now, and the
        // cursor never goes back over boundaries already announced.
        return Later(cursor, Earliest(boundary, coordinator.NextHandoffDeadline(), coordinator.NextEscalationCheck()));
    }
}
