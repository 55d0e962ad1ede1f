namespace Malaysia.Ops.Desk;

/// <summary>Engineers on one of the desk's shifts.</summary>
public sealed class ShiftStaffOptions
{
    /// <summary>"08:00-20:00" in the desk's local time.</summary>
    public string Shift { get; set; } = string.Empty;

    public int Engineers { get; set; } = 1;
}
