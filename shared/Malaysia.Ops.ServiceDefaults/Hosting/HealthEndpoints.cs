using Malaysia.Ops.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Malaysia.Ops.ServiceDefaults.Hosting;

public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Liveness answers 200 while the process runs, whatever the broker does (restarting
    /// the process would not bring a broker back). Readiness runs every health check, the bus's
    /// and the receive endpoints' among them, and answers 503 unless all are healthy, with one line
    /// per check naming what is not ready.</summary>
    public static IEndpointRouteBuilder MapOpsHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportText.WriteAsync });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            // ASP.NET Core answers 200 to Degraded, which is how MassTransit reports a bus with
            // some of its endpoints not consuming: a service in that state cannot do its work.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = HealthReportText.WriteAsync,
        });
        return endpoints;
    }
}
