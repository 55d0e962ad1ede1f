namespace Malaysia.Ops.Domain.Reporting;

/// <summary>What a user of the operation measures: engineer utilisation (busy engineer-hours over
/// engineer-hours on duty, all desks), the queue wait from raised to the first start of work,
/// how many incidents still waited for work at the end, and the same per desk and shift, and the
/// interruptions each desk took by its local time.</summary>
public sealed record OperationMeasures(
    double? Utilisation,
    QueueWaitFigures QueueWait,
    int StillWaitingAtEnd,
    IReadOnlyList<ShiftMeasures> Shifts,
    IReadOnlyList<DeskInterruptions> Interruptions);
