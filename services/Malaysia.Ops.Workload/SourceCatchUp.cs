using Malaysia.Ops.Clock;

namespace Malaysia.Ops.Workload;

/// <summary>How far back a starting source (incidents or workloads) still raises what was due:
/// half an hour of simulated time, or what fell due during a minute of wall time when the clock
/// runs faster, so a process that takes a while to start raises the run's first items all the
/// same. What a restarted source repeats, dispatch recognises by id.</summary>
internal static class SourceCatchUp
{
    private static readonly TimeSpan Minimum = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan WallAllowance = TimeSpan.FromMinutes(1);

    public static TimeSpan Window(SimulationClock clock) => AlarmSchedule.CatchUpWindow(clock, Minimum, WallAllowance);
}
