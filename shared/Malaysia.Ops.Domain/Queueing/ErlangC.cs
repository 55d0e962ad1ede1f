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
}
