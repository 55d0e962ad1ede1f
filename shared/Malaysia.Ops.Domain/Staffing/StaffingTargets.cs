using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Domain.Staffing;

/// <summary>
/// What a staffing plan must achieve: for each severity given, the share of its incidents
/// (<paramref name="Attainment"/>, e.g. 0.95) acknowledged and resolved within the scenario's
/// service levels; at most <paramref name="MaxOccupancy"/> of an engineer's time on incidents;
/// and <paramref name="Shrinkage"/>, the share of rostered time not on incidents (breaks,
/// meetings, training), so a roster needs more engineers than the queue does.
/// </summary>
public sealed record StaffingTargets(IReadOnlyDictionary<Severity, double> Attainment, double MaxOccupancy = 1, double Shrinkage = 0)
{
    /// <summary>True when some severity has a share to meet: something to solve for.</summary>
    public bool HasGoals => Attainment.Count > 0;
}
