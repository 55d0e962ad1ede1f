namespace Malaysia.Ops.OperationsConsole.Rehearsal;

/// <summary>A lead's place in the rehearsal, as the facilitator sees it: the role on a desk, the
/// code that joins it, and who joined (null while the simulation plays it).</summary>
public sealed record RehearsalSeat(RehearsalRole Role, string DeskId, string Code, string? PersonName, DateTimeOffset? JoinedAt)
{
    public bool Taken => PersonName is not null;
}
