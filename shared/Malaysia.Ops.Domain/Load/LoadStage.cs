namespace Malaysia.Ops.Domain.Load;

/// <summary>How far a synthetic incident got, timed from its raise: the broker's confirm of the
/// raise, dispatch's assignment, the desk's acknowledgement, the desk's resolution.</summary>
public enum LoadStage
{
    Confirm,
    Assign,
    Acknowledge,
    Resolve,
}
