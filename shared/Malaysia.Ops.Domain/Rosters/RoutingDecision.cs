namespace Malaysia.Ops.Domain.Rosters;

/// <summary>Which desk takes an incident raised at an instant. In a coverage gap the incident
/// goes to the next desk to come on duty, and the decision says so.</summary>
public sealed record RoutingDecision(ShiftInstance Shift, bool InCoverageGap)
{
    public string DeskId => Shift.DeskId;
}

/// <summary>Who takes over when a shift ends, and when they can start taking items.</summary>
public sealed record HandoffPlan(string HandoffId, ShiftInstance Outgoing, ShiftInstance Incoming)
{
    public DateTimeOffset ShiftEndsAt => Outgoing.EndsAt;

    /// <summary>The incoming desk cannot accept before its own shift starts (a coverage gap).</summary>
    public DateTimeOffset AcceptFrom => Incoming.StartsAt > Outgoing.EndsAt ? Incoming.StartsAt : Outgoing.EndsAt;

    public string Direction => $"{Outgoing.DeskId}->{Incoming.DeskId}";
}

/// <summary>A shift starting or ending, in the order dispatch announces them.</summary>
public sealed record ShiftBoundary(DateTimeOffset At, ShiftInstance Shift, bool IsStart);
