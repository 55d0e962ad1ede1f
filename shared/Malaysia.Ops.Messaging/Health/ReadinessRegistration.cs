using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Malaysia.Ops.Messaging.Health;

public static class ReadinessRegistration
{
    /// <summary>Follows the bus's receive endpoints and adds the readiness check that fails
    /// while any of them is not consuming.</summary>
    public static IServiceCollection AddReceiveEndpointReadiness(this IServiceCollection services)
    {
        services.AddSingleton<EndpointReadiness>();
        services.AddReceiveEndpointObserver(provider => new EndpointReadinessObserver(provider.GetRequiredService<EndpointReadiness>(), TimeProvider.System));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            ReceiveEndpointsHealthCheck.Name,
            provider => new ReceiveEndpointsHealthCheck(provider.GetRequiredService<EndpointReadiness>(), TimeProvider.System),
            HealthStatus.Unhealthy,
            ["ready"]));
        return services;
    }
}
