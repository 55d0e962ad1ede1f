using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Malaysia.Ops.ServiceDefaults.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>Traces, metrics and logs for one service, with OTLP export when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set (an empty value means no export). Every real incident's
    /// trace is kept, a synthetic load's at "Telemetry:SyntheticTraceRatio".</summary>
    public static IHostApplicationBuilder AddOpsTelemetry(this IHostApplicationBuilder builder, string serviceName, IReadOnlyDictionary<string, object> resourceAttributes)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var version = typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(serviceName, serviceNamespace: "malaysia-ops", serviceVersion: version)
                .AddAttributes(resourceAttributes))
            .WithTracing(tracing => tracing
                .AddSource(OpsTelemetry.Name)
                .SetSampler(SyntheticLoadSampler.ForIncidents(SyntheticLoadSampler.RatioOf(builder.Configuration[SyntheticLoadSampler.RatioSetting]))))
            .WithMetrics(metrics => metrics.AddMeter(OpsTelemetry.Name));

        // "Telemetry:TraceFile": also write every span to a file as OTLP/JSON.
        if (builder.Configuration["Telemetry:TraceFile"] is { Length: > 0 } traceFile)
        {
            telemetry.WithTracing(tracing => tracing.AddProcessor(new BatchActivityExportProcessor(
                new OtlpJsonFileExporter(traceFile),
                scheduledDelayMilliseconds: 500)));
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
