namespace Malaysia.Ops.Domain.Reporting;

/// <summary>One shift of one desk over the measured period: engineer-hours on duty, the hours
/// its engineers spent working incidents, their ratio (null with no hours on duty), and the queue
/// wait of the incidents whose work first started on it. <paramref name="Shift"/> is the shift
/// as the scenario writes it ("08:00-17:00"), or "on-call" for work a paged on-call engineer
/// started outside every shift of the desk.</summary>
public sealed record ShiftMeasures(
    string DeskId,
    string Shift,
    double StaffedEngineerHours,
    double BusyEngineerHours,
    double? Utilisation,
    QueueWaitFigures QueueWait);
