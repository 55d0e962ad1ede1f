namespace Malaysia.Ops.Domain.Statistics;

/// <summary>The 97.5% quantile of Student's t distribution: the multiplier of a two-sided 95%
/// confidence interval of a mean.</summary>
public static class StudentT
{
    // Degrees of freedom 1 to 30, to three decimals; past 30 the expansion below is within
    // 0.001 of the exact quantile.
    private static readonly double[] Table =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    // The standard normal's 97.5% quantile, the limit as the degrees of freedom grow.
    private const double Normal975 = 1.959963984540054;

    public static double Quantile975(int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Student's t needs at least one degree of freedom");
        }

        if (degreesOfFreedom <= Table.Length)
        {
            return Table[degreesOfFreedom - 1];
        }

        // Cornish-Fisher expansion of t about the normal quantile (Abramowitz and Stegun 26.7.5).
        const double z = Normal975;
        double n = degreesOfFreedom;
        var z3 = z * z * z;
        var z5 = z3 * z * z;
        var z7 = z5 * z * z;
        return z
            + ((z3 + z) / (4 * n))
            + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * n * n))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * n * n * n));
    }
}
