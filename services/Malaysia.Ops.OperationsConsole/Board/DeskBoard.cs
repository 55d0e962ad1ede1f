namespace Malaysia.Ops.OperationsConsole.Board;

/// <summary>One desk: on duty or not, in rehearsal (a person takes its handoffs) or not, the
/// faults injected into it, and its open incidents, most urgent first.</summary>
public sealed record DeskBoard(
    string DeskId,
    string Name,
    string TimeZone,
    bool OnDuty,
    bool Human,
    IReadOnlyList<string> Faults,
    IReadOnlyList<OpenIncident> Open);
