namespace Malaysia.Ops.Desk;

/// <summary>One stretch of simulated time in which the desk is dark.</summary>
public sealed class DeskOutageOptions
{
    public DateTimeOffset From { get; set; }

    public DateTimeOffset To { get; set; }
}
