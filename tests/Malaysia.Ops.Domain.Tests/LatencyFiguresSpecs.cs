using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Domain.Tests;

public class LatencyFiguresSpecs
{
    [Fact]
    public void Nearest_rank_figures_of_one_to_twenty()
    {
        var figures = LatencyFigures.Of(Enumerable.Range(1, 20).Select(i => (double)i));

        Assert.Equal(new LatencyFigures(20, 10, 19, 20), figures);
    }

    [Fact]
    public void The_sample_is_sorted_before_ranking()
    {
        var figures = LatencyFigures.Of([9, 1, 7, 3, 5, 10, 2, 8, 4, 6]);

        Assert.Equal(new LatencyFigures(10, 5, 10, 10), figures);
    }

    [Fact]
    public void Every_figure_of_a_single_value_is_that_value()
    {
        Assert.Equal(new LatencyFigures(1, 42.5, 42.5, 42.5), LatencyFigures.Of([42.5]));
    }

    [Fact]
    public void An_empty_sample_has_no_figures()
    {
        Assert.Equal(new LatencyFigures(0, null, null, null), LatencyFigures.Of([]));
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.01, 1)]
    [InlineData(0.25, 1)]
    [InlineData(0.26, 2)]
    [InlineData(0.5, 2)]
    [InlineData(0.75, 3)]
    [InlineData(0.76, 4)]
    [InlineData(1.0, 4)]
    public void NearestRank_picks_the_smallest_value_with_at_least_that_share_at_or_below_it(double quantile, double expected)
    {
        Assert.Equal(expected, LatencyFigures.NearestRank([1, 2, 3, 4], quantile));
    }
}
