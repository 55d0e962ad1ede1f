namespace Malaysia.Ops.OperationsConsole.Controls;

/// <summary>The faults a presenter can inject into a desk, as the API names them
/// (kebab-case: "stop", "drop-next-briefing", ...).</summary>
public enum ConsoleFault
{
    Stop,
    Resume,
    Slow,
    NormalSpeed,
    DropNextBriefing,
    DelayNextBriefing,
    Poison,
}
