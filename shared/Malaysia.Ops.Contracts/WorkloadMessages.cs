namespace Malaysia.Ops.Contracts;

/// <summary>A customer's training or inference job placed on a GPU cluster, e.g. a US fintech's
/// fraud-detection training run on the Malaysian cluster.</summary>
public sealed record WorkloadSubmitted(
    string WorkloadId,
    string Customer,
    WorkloadKind Kind,
    string ClusterId,
    int GpuCount,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

public sealed record WorkloadProgressed(
    string WorkloadId,
    double PercentComplete,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

/// <summary>A failed workload raises an incident; <paramref name="IncidentId"/> names it.</summary>
public sealed record WorkloadFailed(
    string WorkloadId,
    string Reason,
    string? IncidentId,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;

public sealed record WorkloadCompleted(
    string WorkloadId,
    DateTimeOffset SimulatedAt,
    int SchemaVersion = MessageSchema.V1) : IOpsMessage;
