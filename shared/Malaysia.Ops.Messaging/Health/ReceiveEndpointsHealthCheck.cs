using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Malaysia.Ops.Messaging.Health;

/// <summary>Unhealthy while any receive endpoint of the process is not consuming (see
/// <see cref="EndpointReadiness"/>), naming each. MassTransit's own bus check calls a service
/// with some endpoints down only degraded, and healthy again in each instant a flapping
/// consumer is up.</summary>
public sealed class ReceiveEndpointsHealthCheck(EndpointReadiness readiness, TimeProvider wall) : IHealthCheck
{
    public const string Name = "receive-endpoints";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var notReady = readiness.NotReady(wall.GetUtcNow());
        return Task.FromResult(notReady.Count == 0
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{readiness.Count} endpoint(s) consuming"))
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", notReady)));
    }
}
