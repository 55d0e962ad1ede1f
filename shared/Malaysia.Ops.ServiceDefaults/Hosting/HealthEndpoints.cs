using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace Malaysia.Ops.ServiceDefaults.Hosting;

public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Liveness answers while the process runs; readiness runs every health check,
    /// the bus's among them, so a service whose broker connection is down is not ready.</summary>
    public static IEndpointRouteBuilder MapOpsHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath);
        return endpoints;
    }
}
