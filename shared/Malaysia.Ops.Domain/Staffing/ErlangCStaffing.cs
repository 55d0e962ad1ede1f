using Malaysia.Ops.Domain.Queueing;

namespace Malaysia.Ops.Domain.Staffing;

/// <summary>
/// How many engineers a queue needs by Erlang C, as a workforce calculator answers it: the
/// fewest that keep the queue stable, stay at or under a maximum occupancy and meet a target;
/// then as many more as shrinkage (time on duty but not on incidents: breaks, meetings,
/// training) takes away.
/// </summary>
public static class ErlangCStaffing
{
    /// <summary>The most engineers a scenario puts on a shift; a target still unmet with so
    /// many is out of any desk's reach.</summary>
    public const int MostEngineers = 1000;

    /// <summary>The fewest engineers, before shrinkage, with which <paramref name="meets"/>
    /// holds and the occupancy is at most <paramref name="maxOccupancy"/>; 0 when nothing
    /// arrives.</summary>
    /// <exception cref="ArgumentException">No number of engineers meets the target.</exception>
    public static int Engineers(double arrivalRate, double serviceRate, double maxOccupancy, Func<int, bool> meets)
    {
        if (arrivalRate <= 0)
        {
            return 0;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(serviceRate);
        if (maxOccupancy is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxOccupancy), maxOccupancy, "the maximum occupancy is above 0 and at most 1");
        }

        var offered = arrivalRate / serviceRate;
        var engineers = Math.Max((int)Math.Floor(offered) + 1, (int)Math.Ceiling((offered / maxOccupancy) - 1e-9));
        for (; engineers <= MostEngineers; engineers++)
        {
            if (meets(engineers))
            {
                return engineers;
            }
        }

        throw new ArgumentException($"no number of engineers up to {MostEngineers} meets the target");
    }

    /// <summary>The calculator's question: the fewest engineers, before shrinkage, taking up
    /// <paramref name="share"/> of arrivals within <paramref name="within"/>.</summary>
    public static int AnsweringWithin(double arrivalRate, double serviceRate, double within, double share, double maxOccupancy = 1) =>
        Engineers(arrivalRate, serviceRate, maxOccupancy, c => ErlangC.ServiceLevel(arrivalRate, serviceRate, c, within) >= share);

    /// <summary>Engineers to roster so that <paramref name="productive"/> are on incidents when
    /// <paramref name="shrinkage"/> of everyone's time goes elsewhere.</summary>
    public static int Rostered(int productive, double shrinkage)
    {
        if (shrinkage is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(shrinkage), shrinkage, "shrinkage is at least 0 and below 1");
        }

        // 14 / 0.7 is 20.000000000000004 in doubles, and 20 engineers are enough.
        return (int)Math.Ceiling((productive / (1 - shrinkage)) - 1e-9);
    }
}
