namespace Malaysia.Ops.Domain.Staffing;

/// <summary>What the solver found: the shifts it staffed (with Erlang C's estimate and the
/// scenario's staffing), the cheapest staffing that met every goal (<see cref="Met"/> false:
/// the best it reached without meeting them), the scenario's own staffing simulated the same
/// way, and how many staffings it simulated.</summary>
public sealed record StaffingSolution(
    IReadOnlyList<ShiftStaffing> Shifts,
    IReadOnlyList<StaffingGoal> Goals,
    double Shrinkage,
    StaffingTrial Solved,
    StaffingTrial Current,
    int Simulated)
{
    public bool Met => Solved.Met;
}
