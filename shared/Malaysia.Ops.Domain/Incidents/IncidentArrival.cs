using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Incidents;

/// <summary>One incident of the run's stream: when it happens and what it is.</summary>
public sealed record IncidentArrival(
    long Sequence,
    string IncidentId,
    DateTimeOffset At,
    IncidentType Type,
    Severity Severity,
    string ClusterId,
    string Summary,
    double WorkMinutes);
