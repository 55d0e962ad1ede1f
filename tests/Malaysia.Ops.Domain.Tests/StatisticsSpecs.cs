using Malaysia.Ops.Domain.Statistics;

namespace Malaysia.Ops.Domain.Tests;

public class StatisticsSpecs
{
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(4, 2.776)]
    [InlineData(19, 2.093)]
    [InlineData(30, 2.042)]
    [InlineData(31, 2.040)]
    [InlineData(40, 2.021)]
    [InlineData(60, 2.000)]
    [InlineData(120, 1.980)]
    public void The_t_quantile_matches_the_published_tables(int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile975(degreesOfFreedom), 0.001);
    }

    [Fact]
    public void No_degrees_of_freedom_is_refused_with_a_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile975(0));

        Assert.Contains("at least one degree of freedom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_to_five_has_mean_three_sd_root_two_and_a_half_and_the_t4_interval()
    {
        var estimate = Estimate.Of([1, 2, 3, 4, 5]);

        // sd = √(10 / 4) = 1.58114; half width = 2.776 · 1.58114 / √5 = 1.96293.
        Assert.Equal(5, estimate.Count);
        Assert.Equal(3, estimate.Mean, 1e-9);
        Assert.Equal(1.58114, estimate.StandardDeviation!.Value, 1e-5);
        Assert.Equal(1.03707, estimate.Low!.Value, 1e-5);
        Assert.Equal(4.96293, estimate.High!.Value, 1e-5);
        Assert.Equal(1.96293, estimate.HalfWidth!.Value, 1e-5);
    }

    [Fact]
    public void Two_values_use_t_with_one_degree_of_freedom()
    {
        var estimate = Estimate.Of([10, 12]);

        // sd = √2; half width = 12.706 · √2 / √2 = 12.706.
        Assert.Equal(11, estimate.Mean, 1e-9);
        Assert.Equal(Math.Sqrt(2), estimate.StandardDeviation!.Value, 1e-9);
        Assert.Equal(-1.706, estimate.Low!.Value, 1e-9);
        Assert.Equal(23.706, estimate.High!.Value, 1e-9);
    }

    [Fact]
    public void One_value_gives_a_mean_and_no_interval()
    {
        Assert.Equal(new Estimate(1, 0.8, null, null, null), Estimate.Of([0.8]));
    }

    [Fact]
    public void Identical_values_give_a_zero_width_interval()
    {
        Assert.Equal(new Estimate(3, 4, 0, 4, 4), Estimate.Of([4, 4, 4]));
    }

    [Fact]
    public void No_values_are_refused_with_a_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => Estimate.Of([]));

        Assert.Contains("at least one value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consistent_paired_difference_is_significant()
    {
        var paired = PairedDifference.Of(baseline: [10, 12, 11], alternative: [12, 15, 13]);

        // Differences 2, 3, 2: mean 7/3, sd √(1/3), half width 4.303 · √(1/3) / √3 = 1.43433.
        Assert.Equal(7.0 / 3, paired.Difference.Mean, 1e-9);
        Assert.Equal(Math.Sqrt(1.0 / 3), paired.Difference.StandardDeviation!.Value, 1e-9);
        Assert.Equal((7.0 / 3) - 1.43433, paired.Difference.Low!.Value, 1e-5);
        Assert.Equal((7.0 / 3) + 1.43433, paired.Difference.High!.Value, 1e-5);
        Assert.True(paired.Significant);
    }

    [Fact]
    public void A_difference_whose_interval_holds_zero_is_not_significant()
    {
        var paired = PairedDifference.Of(baseline: [10, 10], alternative: [11, 9]);

        Assert.Equal(0, paired.Difference.Mean, 1e-9);
        Assert.False(paired.Significant);
    }

    [Fact]
    public void A_lower_alternative_is_a_negative_significant_difference()
    {
        var paired = PairedDifference.Of(baseline: [20, 22, 21, 23], alternative: [10, 11, 11, 12]);

        Assert.True(paired.Difference.High < 0);
        Assert.True(paired.Significant);
    }

    [Fact]
    public void One_pair_has_a_difference_but_is_never_significant()
    {
        var paired = PairedDifference.Of(baseline: [10], alternative: [30]);

        Assert.Equal(20, paired.Difference.Mean);
        Assert.Null(paired.Difference.Low);
        Assert.False(paired.Significant);
    }

    [Fact]
    public void Unequal_samples_are_refused_with_a_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => PairedDifference.Of([1, 2], [1]));

        Assert.Contains("1 against 2", error.Message, StringComparison.Ordinal);
    }
}
