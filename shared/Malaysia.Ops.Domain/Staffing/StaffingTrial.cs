using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Domain.Staffing;

/// <summary>One staffing the solver simulated: engineers working incidents on each shift (in
/// the order of the solver's shifts), engineers rostered for them after shrinkage, what the
/// roster costs a day, the figures across replications, and whether every goal was met.</summary>
public sealed record StaffingTrial(
    IReadOnlyList<int> Engineers,
    IReadOnlyList<int> Rostered,
    double CostPerDay,
    IReadOnlyDictionary<string, Estimate> Figures,
    bool Met);
