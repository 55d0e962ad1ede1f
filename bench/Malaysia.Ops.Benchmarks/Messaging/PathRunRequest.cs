namespace Malaysia.Ops.Benchmarks.Messaging;

public enum PathKind
{
    /// <summary>RabbitMQ.Client alone.</summary>
    Raw,

    /// <summary>The services' bus.</summary>
    Product,
}

/// <summary>What one child process of the benchmark measures. <paramref name="Rate"/> 0 skips
/// the fixed-rate latency phase; <paramref name="TelemetryOff"/> runs the child with
/// OpenTelemetry's own switch, OTEL_SDK_DISABLED, set.</summary>
public sealed record PathRunRequest(
    PathKind Path,
    bool TelemetryOff,
    int Consumers,
    string BrokerUri,
    double Seconds,
    int Rate,
    int InFlight,
    string? HistogramFile);

/// <summary>What one child process measured. Latencies in milliseconds; null when the run had
/// no latency phase.</summary>
public sealed record PathRunResult(
    PathKind Path,
    bool TelemetryOff,
    int Consumers,
    int BodyBytes,
    long Messages,
    double MessagesPerSecond,
    double CpuMicrosecondsPerMessage,
    double PeakRssMegabytes,
    double? P50,
    double? P90,
    double? P99,
    double? P999);
