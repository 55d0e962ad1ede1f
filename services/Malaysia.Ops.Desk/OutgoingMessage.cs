using System.Diagnostics;
using Malaysia.Ops.Contracts;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;

namespace Malaysia.Ops.Desk;

/// <summary>
/// A message the desk is about to publish, with the trace it belongs to. An incident's messages
/// are published under a span of the incident's own trace (whatever woke the desk: the message
/// that assigned it, the clock loop, a shift change), so one incident is one trace from alert to
/// resolution, across both desks.
/// </summary>
public sealed record OutgoingMessage(IOpsMessage Message, string SpanName, ActivityContext Parent, IReadOnlyDictionary<string, object?> Tags, IReadOnlyList<ActivityLink>? Links = null)
{
    public async Task PublishAsync(IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        using var activity = Parent == default && Links is null
            ? null
            : OpsTelemetry.ActivitySource.StartActivity(SpanName, ActivityKind.Internal, Parent, Tags, Links);
        await publisher.PublishConfirmedAsync(Message, cancellationToken);
    }
}
