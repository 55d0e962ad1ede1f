using System.Diagnostics;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// Traces under synthetic load: every real incident's trace is kept, a load's at its ratio, and
/// the spans after the raise, in this process or another, follow the raise's decision.
/// </summary>
public sealed class SyntheticLoadSamplerSpecs : IDisposable
{
    private readonly ActivitySource source = new($"Malaysia.Ops.Tests.Sampler.{Guid.NewGuid():N}");
    private TracerProvider? provider;

    public void Dispose()
    {
        provider?.Dispose();
        source.Dispose();
    }

    private void SampleAt(double ratio) => provider = Sdk.CreateTracerProviderBuilder()
        .AddSource(source.Name)
        .SetSampler(SyntheticLoadSampler.ForIncidents(ratio))
        .Build();

    private Activity? Raise(bool synthetic) =>
        source.StartActivity(ActivityKind.Producer, tags: [new(SyntheticLoadSampler.SyntheticTag, synthetic)], name: "raise");

    [Fact]
    public void With_no_load_traces_kept_every_real_incident_is_traced_and_no_synthetic_one()
    {
        SampleAt(0);

        using (var real = Raise(synthetic: false))
        {
            using var routed = source.StartActivity("route");
            Assert.True(real!.Recorded);
            Assert.True(routed!.Recorded);
        }

        using var synthetic = Raise(synthetic: true);
        using var child = source.StartActivity("route");

        // Not kept, but there to carry the decision on in the messages' trace context.
        Assert.NotNull(synthetic);
        Assert.False(synthetic.Recorded);
        Assert.False(child?.Recorded ?? false);
    }

    [Fact]
    public void Another_process_follows_the_decision_the_raise_made()
    {
        SampleAt(0);
        var kept = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var dropped = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        using (var consumed = source.StartActivity("consume", ActivityKind.Consumer, kept))
        {
            Assert.True(consumed!.Recorded);
        }

        using var skipped = source.StartActivity("consume", ActivityKind.Consumer, dropped);
        Assert.False(skipped?.Recorded ?? false);
    }

    [Fact]
    public void A_share_of_the_synthetic_load_is_traced_as_its_ratio_says()
    {
        SampleAt(0.25);

        var kept = 0;
        for (var i = 0; i < 2_000; i++)
        {
            using var raise = Raise(synthetic: true);
            kept += raise?.Recorded == true ? 1 : 0;
        }

        // 500 expected; the bounds are over seven standard deviations away.
        Assert.InRange(kept, 350, 650);
    }

    [Theory]
    [InlineData(null, 0.01)]
    [InlineData("", 0.01)]
    [InlineData("1", 1)]
    [InlineData("0.1", 0.1)]
    public void The_ratio_setting_defaults_to_one_trace_in_a_hundred(string? text, double expected)
    {
        Assert.Equal(expected, SyntheticLoadSampler.RatioOf(text));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-0.5")]
    [InlineData("most")]
    public void A_ratio_outside_zero_to_one_is_named_with_its_setting(string text)
    {
        var problem = Assert.Throws<ConfigurationProblemException>(() => SyntheticLoadSampler.RatioOf(text));

        Assert.Equal($"Telemetry:SyntheticTraceRatio: '{text}' is not a share from 0 (no synthetic load trace kept) to 1 (every one)", problem.Message);
    }
}
