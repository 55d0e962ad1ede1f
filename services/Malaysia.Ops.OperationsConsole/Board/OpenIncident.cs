using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>An open incident on the desk that holds it.</summary>
public sealed record OpenIncident(
    string IncidentId,
    IncidentType Type,
    Severity Severity,
    double AgeMinutes,
    OpenIncidentStatus Status,
    SlaState Sla,
    string? TraceUrl,
    bool Synthetic);
