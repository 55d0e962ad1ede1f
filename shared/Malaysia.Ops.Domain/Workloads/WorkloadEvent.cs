using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Incidents;

namespace Malaysia.Ops.Domain.Workloads;

/// <summary>Something that happens to a customer's workload at a simulated instant.</summary>
public abstract record WorkloadEvent(string WorkloadId, DateTimeOffset At);

public sealed record WorkloadStarted(string WorkloadId, string Customer, WorkloadKind Kind, string ClusterId, int GpuCount, DateTimeOffset At) : WorkloadEvent(WorkloadId, At);

public sealed record WorkloadAdvanced(string WorkloadId, double PercentComplete, DateTimeOffset At) : WorkloadEvent(WorkloadId, At);

public sealed record WorkloadFinished(string WorkloadId, DateTimeOffset At) : WorkloadEvent(WorkloadId, At);

/// <summary>The workload failed and raised <paramref name="Incident"/>.</summary>
public sealed record WorkloadBroke(string WorkloadId, string Reason, IncidentArrival Incident, DateTimeOffset At) : WorkloadEvent(WorkloadId, At);
