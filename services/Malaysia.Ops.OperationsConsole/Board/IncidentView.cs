using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>What the board holds of an open incident: who has it and where it stands.</summary>
internal sealed class IncidentView(string incidentId, IncidentType type, Severity severity, DateTimeOffset raisedAt, string? traceId, bool synthetic, LinkedListNode<string> order)
{
    public string IncidentId { get; } = incidentId;

    public IncidentType Type { get; } = type;

    public Severity Severity { get; } = severity;

    public DateTimeOffset RaisedAt { get; } = raisedAt;

    public string? TraceId { get; } = traceId;

    public bool Synthetic { get; } = synthetic;

    /// <summary>Its place in the order incidents came in.</summary>
    public LinkedListNode<string> Order { get; } = order;

    public string? DeskId { get; set; }

    public OpenIncidentStatus Status { get; set; } = OpenIncidentStatus.Raised;

    public bool Acknowledged { get; set; }
}
