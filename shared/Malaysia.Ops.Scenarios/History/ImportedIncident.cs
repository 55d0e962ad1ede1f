using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// One incident of an export, in the catalogue's terms.
/// </summary>
/// <param name="Id">The export's own id or number.</param>
/// <param name="WorkMinutes">From raised to resolved; null where the export does not say.</param>
/// <param name="Text">The export's description or message, only when asked to keep it.</param>
public sealed record ImportedIncident(
    string Id,
    DateTimeOffset RaisedAt,
    IncidentType Type,
    Severity Severity,
    double? WorkMinutes,
    string? Text = null);
