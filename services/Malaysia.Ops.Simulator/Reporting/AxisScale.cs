namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>A value axis from zero with round tick steps (1, 2 or 5 times a power of ten), so
/// gridlines fall on numbers a reader can take in at a glance.</summary>
internal sealed record AxisScale(double Max, double Step)
{
    private static readonly double[] RoundMultiples = [1, 2, 5, 10];

    /// <summary>The smallest round axis that holds <paramref name="largest"/> in at most
    /// <paramref name="ticks"/> steps; an empty series still gets an axis up to 1.</summary>
    public static AxisScale Covering(double largest, int ticks = 5)
    {
        var target = Math.Max(largest, 1) / ticks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var step = RoundMultiples.Select(m => m * power).First(s => s >= target);

        // Counts are whole: a step below one would label 0.2 of an incident.
        step = Math.Max(step, 1);
        return new AxisScale(Math.Ceiling(Math.Max(largest, 1) / step) * step, step);
    }

    public IEnumerable<double> Ticks()
    {
        for (var tick = 0.0; tick <= Max + (Step / 2); tick += Step)
        {
            yield return tick;
        }
    }
}
