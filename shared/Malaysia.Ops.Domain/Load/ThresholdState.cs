namespace Malaysia.Ops.Domain.Load;

/// <summary>Where a threshold stands: not judged yet (no figure, or one only the end of the load
/// decides), held, or broken.</summary>
public enum ThresholdState
{
    Pending,
    Pass,
    Fail,
}
