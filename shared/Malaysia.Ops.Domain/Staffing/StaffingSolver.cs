using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Domain.Staffing;

/// <summary>
/// The cheapest engineers per desk and shift that meet every goal with 95% confidence, found
/// by simulation from Erlang C's estimate. From the estimate (at least one engineer a shift) it
/// adds an engineer to every shift until the goals are met (at most
/// <see cref="MostRoundsAdded"/> times, and no further once a round raises no missed goal's
/// mean: a goal out of staffing's reach); then, cheapest roster first, it
/// takes one engineer off the shift whose engineer costs most, keeping the change when the
/// goals still hold, until no shift can lose one. Each staffing is simulated once (the same
/// replications, so staffings are compared on the same incidents). The simulation is the
/// caller's: <c>evaluate</c> gives the figures across replications for engineers working
/// incidents per shift, and <c>costPerDay</c> prices a roster, both in the order of the shifts.
/// </summary>
public sealed class StaffingSolver(
    IReadOnlyList<ShiftStaffing> shifts,
    IReadOnlyList<StaffingGoal> goals,
    double shrinkage,
    Func<IReadOnlyList<int>, double> costPerDay,
    Func<IReadOnlyList<int>, IReadOnlyDictionary<string, Estimate>> evaluate)
{
    /// <summary>Rounds of one more engineer on every shift before the goals are declared out
    /// of reach (a coverage gap, say, that no number of engineers closes).</summary>
    public const int MostRoundsAdded = 20;

    /// <summary>The most engineers a scenario puts on one shift.</summary>
    public const int MostEngineersPerShift = 1000;

    private readonly Dictionary<string, StaffingTrial> trials = new(StringComparer.Ordinal);

    public StaffingSolution Solve()
    {
        var current = Simulate(shifts.Select(s => Working(s.Current)).ToList());
        var staffing = shifts.Select(s => Math.Max(1, s.ErlangC)).ToArray();
        var trial = Simulate(staffing);
        for (var round = 0; !trial.Met && round < MostRoundsAdded && staffing.Any(n => n < MostEngineersPerShift); round++)
        {
            var before = trial;
            staffing = staffing.Select(n => Math.Min(n + 1, MostEngineersPerShift)).ToArray();
            trial = Simulate(staffing);
            if (!trial.Met && !Improved(before, trial))
            {
                break;
            }
        }

        for (var removed = trial.Met; removed;)
        {
            removed = false;
            foreach (var shift in ByCostOfOneEngineer(staffing))
            {
                var fewer = staffing.ToArray();
                fewer[shift]--;
                var candidate = Simulate(fewer);
                if (candidate.Met)
                {
                    (staffing, trial, removed) = (fewer, candidate, true);
                    break;
                }
            }
        }

        return new StaffingSolution(shifts, goals, shrinkage, trial, current, trials.Count);
    }

    /// <summary>True when some goal <paramref name="before"/> missed has a higher mean in
    /// <paramref name="after"/>: more engineers still help.</summary>
    private bool Improved(StaffingTrial before, StaffingTrial after) => goals
        .Where(g => !g.MetBy(before.Figures))
        .Any(g => before.Figures.GetValueOrDefault(g.Figure)?.Mean < after.Figures.GetValueOrDefault(g.Figure)?.Mean);

    /// <summary>Engineers working incidents out of <paramref name="rostered"/> after
    /// shrinkage; at least one.</summary>
    public int Working(int rostered) => Math.Max(1, (int)Math.Floor((rostered * (1 - shrinkage)) + 1e-9));

    /// <summary>The shifts that can lose an engineer, the one whose engineer costs most first.</summary>
    private List<int> ByCostOfOneEngineer(int[] staffing)
    {
        var cost = trials[Key(staffing)].CostPerDay;
        return Enumerable.Range(0, staffing.Length)
            .Where(i => staffing[i] > 1)
            .Select(i =>
            {
                var fewer = staffing.ToArray();
                fewer[i]--;
                return (Shift: i, Saving: cost - costPerDay(Rostered(fewer)));
            })
            .OrderByDescending(s => s.Saving)
            .ThenBy(s => s.Shift)
            .Select(s => s.Shift)
            .ToList();
    }

    private StaffingTrial Simulate(IReadOnlyList<int> engineers)
    {
        var key = Key(engineers);
        if (!trials.TryGetValue(key, out var trial))
        {
            var figures = evaluate(engineers);
            var rostered = Rostered(engineers);
            trial = new StaffingTrial(engineers.ToList(), rostered, costPerDay(rostered), figures, goals.All(g => g.MetBy(figures)));
            trials[key] = trial;
        }

        return trial;
    }

    private List<int> Rostered(IReadOnlyList<int> engineers) => engineers.Select(n => ErlangCStaffing.Rostered(n, shrinkage)).ToList();

    private static string Key(IReadOnlyList<int> engineers) => string.Join(',', engineers);
}
