using Malaysia.Ops.Domain.Reporting;

namespace Malaysia.Ops.Domain.Tests;

public class ReplicationReportSpecs
{
    private static Dictionary<string, double> Figures(params (string Name, double Value)[] figures) =>
        figures.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    [Fact]
    public void Replication_seeds_step_by_a_prime_from_the_scenario_s_seed_and_wrap()
    {
        Assert.Equal([42, 7961, 15880], ReplicationSeeds.Of(42, 3));
        Assert.Equal([int.MaxValue, int.MinValue + 7918], ReplicationSeeds.Of(int.MaxValue, 2));
    }

    [Fact]
    public void Each_figure_is_estimated_over_the_replications_that_measured_it()
    {
        var report = ReplicationReportBuilder.Build(
            [1, 7920, 15839],
            0,
            [],
            [
                new(Figures(("costPerDay", 100), ("resolvedInTime.Sev1", 1)), []),
                new(Figures(("costPerDay", 102)), []),
                new(Figures(("costPerDay", 104), ("resolvedInTime.Sev1", 0.5)), []),
            ]);

        Assert.Equal(3, report.Count);
        Assert.Equal(["costPerDay", "resolvedInTime.Sev1"], report.Run.Keys);
        Assert.Equal(102, report.Run["costPerDay"].Mean, 1e-9);
        Assert.Equal(2, report.Run["costPerDay"].StandardDeviation!.Value, 1e-9);
        Assert.Equal(2, report.Run["resolvedInTime.Sev1"].Count);
    }

    [Fact]
    public void A_compared_topology_differs_from_the_run_pair_by_pair()
    {
        var report = ReplicationReportBuilder.Build(
            [1, 2, 3],
            0,
            ["two-sites"],
            [
                new(Figures(("costPerDay", 10)), [Figures(("costPerDay", 12))]),
                new(Figures(("costPerDay", 12)), [Figures(("costPerDay", 15))]),
                new(Figures(("costPerDay", 11)), [Figures(("costPerDay", 13))]),
            ]);

        var compared = Assert.Single(report.Comparison);
        Assert.Equal("two-sites", compared.Name);
        Assert.Equal(13.333333, compared.Figures["costPerDay"].Mean, 1e-6);
        Assert.Equal(7.0 / 3, compared.DifferenceFromRun["costPerDay"].Difference.Mean, 1e-9);
        Assert.True(compared.DifferenceFromRun["costPerDay"].Significant);
    }
}
