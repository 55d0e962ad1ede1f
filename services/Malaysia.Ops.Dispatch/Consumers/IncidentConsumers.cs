using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch.Load;
using Malaysia.Ops.Dispatch.Store;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;

namespace Malaysia.Ops.Dispatch.Consumers;

/// <summary>Routes each raised incident to the desk on duty. One that is not a valid incident is
/// refused before the ledger sees it (to the error queue, with the reason).</summary>
public sealed class IncidentRaisedConsumer(DurableDispatch dispatch, LoadProgress load) : IConsumer<IncidentRaised>
{
    public async Task Consume(ConsumeContext<IncidentRaised> context)
    {
        var raised = context.Message;
        InvalidMessageException.ThrowIfAny(nameof(IncidentRaised), IncidentFieldChecks.Problems(raised));
        var entry = dispatch.Apply(raised, context.MessageId?.ToString("N"));
        await dispatch.StoredAsync(entry, context.CancellationToken);
        if (entry.Published)
        {
            return;
        }

        load.OnRaised(raised.IncidentId, context.SentTime);
        foreach (var assignment in entry.Outputs.OfType<IncidentAssigned>())
        {
            using var activity = OpsTelemetry.ActivitySource.StartActivity($"route {assignment.IncidentId} to {assignment.DeskId.ToUpperInvariant()} desk");
            activity?.SetTag("ops.incident.id", assignment.IncidentId);
            activity?.SetTag("ops.incident.type", assignment.Type.ToString());
            activity?.SetTag("ops.incident.severity", assignment.Severity.ToString());
            activity?.SetTag("ops.desk", assignment.DeskId);
            activity?.SetTag("ops.shift.id", assignment.ShiftId);
            activity?.SetTag("ops.in_coverage_gap", assignment.ArrivedInCoverageGap);
            activity?.SetTag("ops.simulated_time", assignment.SimulatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await context.PublishConfirmedAsync(assignment, context.CancellationToken);
        }

        load.OnAssigned(raised.IncidentId);
        await dispatch.PublishedAsync(entry);
    }
}

public sealed class IncidentAcknowledgedConsumer(DurableDispatch dispatch, LoadProgress load) : IConsumer<IncidentAcknowledged>
{
    public async Task Consume(ConsumeContext<IncidentAcknowledged> context)
    {
        await dispatch.ConsumeAsync(context);
        load.OnAcknowledged(context.Message.IncidentId, context.SentTime);
    }
}

/// <summary>Books when work on an incident started (its wait in the queue ends there).</summary>
public sealed class IncidentUpdatedConsumer(DurableDispatch dispatch) : IConsumer<IncidentUpdated>
{
    public Task Consume(ConsumeContext<IncidentUpdated> context) => dispatch.ConsumeAsync(context);
}

public sealed class IncidentResolvedConsumer(DurableDispatch dispatch, LoadProgress load) : IConsumer<IncidentResolved>
{
    public async Task Consume(ConsumeContext<IncidentResolved> context)
    {
        await dispatch.ConsumeAsync(context);
        load.OnResolved(context.Message.IncidentId, context.SentTime);
    }
}
