using Malaysia.Ops.Domain.Load;

namespace Malaysia.Ops.Domain.Tests;

public class LoadGateSpecs
{
    [Theory]
    [InlineData("p99 raise→assign < 200 ms", LoadMeasure.Latency, LoadStage.Assign, 99, ThresholdComparison.Below, 200)]
    [InlineData("  P99.9   raise->acknowledged <= 1.5s ", LoadMeasure.Latency, LoadStage.Acknowledge, 99.9, ThresholdComparison.AtMost, 1500)]
    [InlineData("p50 raise to resolve > 2", LoadMeasure.Latency, LoadStage.Resolve, 50, ThresholdComparison.Above, 2)]
    [InlineData("p100 raise→confirm>=0.25 ms", LoadMeasure.Latency, LoadStage.Confirm, 100, ThresholdComparison.AtLeast, 0.25)]
    [InlineData("queue depth < 1000", LoadMeasure.QueueDepth, LoadStage.Confirm, 0, ThresholdComparison.Below, 1000)]
    [InlineData("Queue  Depth<1000", LoadMeasure.QueueDepth, LoadStage.Confirm, 0, ThresholdComparison.Below, 1000)]
    [InlineData("lost = 0", LoadMeasure.Lost, LoadStage.Confirm, 0, ThresholdComparison.Equal, 0)]
    [InlineData("lost == 0", LoadMeasure.Lost, LoadStage.Confirm, 0, ThresholdComparison.Equal, 0)]
    [InlineData("rate >= 900/s", LoadMeasure.Rate, LoadStage.Confirm, 0, ThresholdComparison.AtLeast, 900)]
    public void A_threshold_reads_as_k6_writes_it(string text, LoadMeasure measure, LoadStage stage, double percentile, ThresholdComparison comparison, double limit)
    {
        Assert.True(LoadThreshold.TryParse(text, out var threshold, out var problem), problem);

        Assert.Equal(new LoadThreshold(new LoadMetric(measure, stage, percentile), comparison, limit), threshold);
    }

    [Fact]
    public void A_threshold_writes_itself_back_in_one_form()
    {
        Assert.True(LoadThreshold.TryParse("P99.9 raise->assigned<=1.5 s", out var latency, out _));
        Assert.True(LoadThreshold.TryParse("rate>=900", out var rate, out _));

        Assert.Equal("p99.9 raise→assign <= 1500 ms", latency.ToString());
        Assert.Equal("rate >= 900/s", rate.ToString());
    }

    [Theory]
    [InlineData("", "a threshold is empty; write one as \"p99 raise→assign < 200 ms\"")]
    [InlineData("p99 raise→assign 200 ms", "'p99 raise→assign 200 ms' has no comparison (<, <=, >, >=, =)")]
    [InlineData("< 200", "'< 200' names no figure before its comparison (known: p<percentile> raise→confirm, raise→assign, raise→acknowledge or raise→resolve; queue depth; lost; rate)")]
    [InlineData("p99 raise→triage < 200 ms", "'p99 raise→triage < 200 ms': 'p99 raise→triage' is not a figure of the load (known: p<percentile> raise→confirm, raise→assign, raise→acknowledge or raise→resolve; queue depth; lost; rate)")]
    [InlineData("p0 raise→assign < 200", "'p0 raise→assign < 200': 'p0 raise→assign' is not a figure of the load (known: p<percentile> raise→confirm, raise→assign, raise→acknowledge or raise→resolve; queue depth; lost; rate)")]
    [InlineData("p101 raise→assign < 200", "'p101 raise→assign < 200': 'p101 raise→assign' is not a figure of the load (known: p<percentile> raise→confirm, raise→assign, raise→acknowledge or raise→resolve; queue depth; lost; rate)")]
    [InlineData("queue depth < lots", "'queue depth < lots': 'lots' is not a limit (a number of at least 0, with its unit)")]
    [InlineData("lost = -1", "'lost = -1': '-1' is not a limit (a number of at least 0, with its unit)")]
    [InlineData("queue depth < 1000 ms", "'queue depth < 1000 ms': queue depth is not measured in 'ms' (write a plain number)")]
    [InlineData("p99 raise→assign < 2/s", "'p99 raise→assign < 2/s': p99 raise→assign is not measured in '/s' (write a number of ms)")]
    public void A_bad_threshold_says_what_in_it_is_wrong(string text, string expected)
    {
        Assert.False(LoadThreshold.TryParse(text, out var threshold, out var problem));

        Assert.Null(threshold);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_gate_names_each_bad_threshold_by_its_place_and_keeps_none()
    {
        var gate = LoadGate.Parse(["lost = 0", "queue depth", "rate > x"], "Workload:Load:Thresholds", out var problems);

        Assert.True(gate.IsEmpty);
        Assert.Equal(
            [
                "Workload:Load:Thresholds:1: 'queue depth' has no comparison (<, <=, >, >=, =)",
                "Workload:Load:Thresholds:2: 'rate > x': 'x' is not a limit (a number of at least 0, with its unit)",
            ],
            problems);
    }

    [Theory]
    [InlineData("queue depth < 1000", 999, ThresholdState.Pass)]
    [InlineData("queue depth < 1000", 1000, ThresholdState.Fail)]
    [InlineData("queue depth <= 1000", 1000, ThresholdState.Pass)]
    [InlineData("rate > 900", 900, ThresholdState.Fail)]
    [InlineData("rate >= 900", 900, ThresholdState.Pass)]
    [InlineData("p99 raise→assign = 200", 200, ThresholdState.Pass)]
    [InlineData("p99 raise→assign = 200", 200.5, ThresholdState.Fail)]
    public void A_threshold_holds_exactly_at_its_edge_as_its_comparison_says(string text, double figure, ThresholdState expected)
    {
        var gate = LoadGate.Parse([text], "t", out _);

        Assert.Equal(expected, Assert.Single(gate.Judge(_ => figure, final: false)).State);
        Assert.Equal(expected, Assert.Single(gate.Judge(_ => figure, final: true)).State);
    }

    [Fact]
    public void While_the_load_runs_a_missing_figure_waits_and_lost_incidents_wait_for_the_end_unless_already_too_many()
    {
        var gate = LoadGate.Parse(["p99 raise→assign < 200 ms", "lost = 0", "lost <= 2"], "t", out _);
        double? lost = 1;

        var live = gate.Judge(metric => metric.Measure == LoadMeasure.Lost ? lost : null, final: false);

        Assert.Equal([ThresholdState.Pending, ThresholdState.Fail, ThresholdState.Pending], live.Select(v => v.State));
        Assert.False(LoadGate.Passed(live));
    }

    [Fact]
    public void At_the_end_every_threshold_is_judged_and_one_without_a_figure_is_broken()
    {
        var gate = LoadGate.Parse(["p99 raise→assign < 200 ms", "lost = 0", "queue depth < 1000"], "t", out _);
        var figures = new Dictionary<LoadMetric, double>
        {
            [LoadMetric.Latency(LoadStage.Assign, 99)] = 150,
            [LoadMetric.Lost] = 0,
            [LoadMetric.QueueDepth] = 12,
        };

        var passed = gate.Judge(metric => figures.TryGetValue(metric, out var f) ? f : null, final: true);
        var noAssignments = gate.Judge(metric => metric.Measure == LoadMeasure.Latency ? null : figures[metric], final: true);

        Assert.True(LoadGate.Passed(passed));
        Assert.Equal(
            ["p99 raise→assign < 200 ms: 150 ms, pass", "lost = 0: 0, pass", "queue depth < 1000: 12, pass"],
            passed.Select(v => v.ToString()));
        Assert.Equal(ThresholdState.Fail, noAssignments[0].State);
        Assert.Equal("p99 raise→assign < 200 ms: no figure, fail", noAssignments[0].ToString());
        Assert.False(LoadGate.Passed(noAssignments));
    }
}
