using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every process of the operation has: validated run settings, the run's
    /// clock, telemetry and health checks. The bus adds its own (<c>AddOpsBus</c>).</summary>
    public static IHostApplicationBuilder AddOpsServiceDefaults(this IHostApplicationBuilder builder, string serviceName, IReadOnlyDictionary<string, object>? resourceAttributes = null)
    {
        // Every log line carries the trace and span it was written in, so a line can be found
        // from a trace and a trace from a line.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.IncludeScopes = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.AddValidatedOptions<SimulationOptions, SimulationOptionsValidator>(SimulationOptions.Section);
        builder.Services.AddSimulationClock();
        builder.AddOpsTelemetry(serviceName, resourceAttributes ?? new Dictionary<string, object>());
        builder.Services.AddSingleton<OpsMetrics>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>Binds a settings section, with a validator whose failures name the setting,
    /// checked when the host starts (before anything is consumed or published).</summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }
}
