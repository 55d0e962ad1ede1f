namespace Malaysia.Ops.Domain.Queueing;

/// <summary>
/// The M/M/c queue in closed form: Poisson arrivals at rate λ, exponential work at rate μ per
/// engineer, c engineers. The yardstick the desk model is checked against, and the staffing
/// figure an operations manager knows.
/// </summary>
public static class ErlangC
{
    /// <summary>Probability that an arrival has to wait for an engineer.</summary>
    public static double ProbabilityOfWaiting(double arrivalRate, double serviceRate, int engineers)
    {
        var offered = arrivalRate / serviceRate;
        if (offered >= engineers)
        {
            throw new ArgumentException($"the desk is overloaded: offered load {offered:0.###} needs more than {engineers} engineers");
        }

        // Terms a^k / k! computed incrementally, so large c does not overflow a factorial.
        double term = 1, sum = 0;
        for (var k = 0; k < engineers; k++)
        {
            sum += term;
            term *= offered / (k + 1);
        }

        var waitingTerm = term * engineers / (engineers - offered);
        return waitingTerm / (sum + waitingTerm);
    }

    /// <summary>Mean time an arrival waits before an engineer takes it (in the time unit of the rates).</summary>
    public static double MeanWait(double arrivalRate, double serviceRate, int engineers) =>
        ProbabilityOfWaiting(arrivalRate, serviceRate, engineers) / ((engineers * serviceRate) - arrivalRate);

    /// <summary>Share of arrivals taken up by an engineer within <paramref name="within"/>
    /// (the calculators' "service level"): 1 - P(wait) e^(-(cμ - λ) t).</summary>
    public static double ServiceLevel(double arrivalRate, double serviceRate, int engineers, double within) =>
        1 - (ProbabilityOfWaiting(arrivalRate, serviceRate, engineers) * Math.Exp(-((engineers * serviceRate) - arrivalRate) * within));

    /// <summary>Share of the engineers' time spent working: λ / (cμ).</summary>
    public static double Occupancy(double arrivalRate, double serviceRate, int engineers) =>
        arrivalRate / (engineers * serviceRate);

    /// <summary>
    /// Share of arrivals finished within <paramref name="within"/> of arriving, their own work
    /// exponential at <paramref name="workRate"/> (a severity's own mean in a queue of mixed
    /// work): the wait, none with 1 - P(wait) and otherwise exponential at θ = cμ - λ, plus the
    /// work; P(R &gt; t) = e^(-νt) + P(wait) ν (e^(-νt) - e^(-θt)) / (θ - ν) for ν the work rate.
    /// </summary>
    public static double FinishedWithin(double arrivalRate, double serviceRate, int engineers, double within, double workRate)
    {
        var waiting = ProbabilityOfWaiting(arrivalRate, serviceRate, engineers);
        var theta = (engineers * serviceRate) - arrivalRate;
        var workOver = Math.Exp(-workRate * within);

        // θ = ν is the limit of the expression: the wait and the work are one Erlang-2 stage pair.
        var both = Math.Abs(theta - workRate) < 1e-12 * Math.Max(theta, workRate)
            ? workRate * within * workOver
            : workRate * (workOver - Math.Exp(-theta * within)) / (theta - workRate);
        return 1 - (workOver + (waiting * both));
    }
}
