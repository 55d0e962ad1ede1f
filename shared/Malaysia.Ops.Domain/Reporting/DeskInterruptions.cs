namespace Malaysia.Ops.Domain.Reporting;

/// <summary>The incidents a desk took (its acknowledgement is the one booked), by the desk's local
/// time when it took them (<see cref="InterruptionHours"/>), and the pages its on-call engineer
/// had, of them in sleep hours (22:00-08:00 local).</summary>
public sealed record DeskInterruptions(
    string DeskId,
    int BusinessHours,
    int OffHours,
    int SleepHours,
    int Pages,
    int PagesAtNight);
