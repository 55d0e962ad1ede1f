using System.Globalization;
using Malaysia.Ops.ServiceDefaults.Configuration;
using OpenTelemetry.Trace;

namespace Malaysia.Ops.ServiceDefaults.Telemetry;

/// <summary>
/// Decides at an incident's raise whether its trace is kept: every real incident's is, and a
/// synthetic load's incidents at <see cref="Ratio"/> (by trace id, so every process agrees),
/// since a load of thousands a second traced in full costs more than it shows. The raise span
/// carries <see cref="SyntheticTag"/> from its start; the spans after it follow their parent's
/// decision (<see cref="ForIncidents"/>), across processes too, by the trace context the messages
/// carry. A trace not kept still carries its context on, so its later spans are not kept either.
/// </summary>
public sealed class SyntheticLoadSampler : Sampler
{
    /// <summary>The raise span's tag that marks synthetic load (true or false).</summary>
    public const string SyntheticTag = "ops.synthetic";

    /// <summary>"Telemetry:SyntheticTraceRatio": the share of synthetic load traces kept.</summary>
    public const string RatioSetting = "Telemetry:SyntheticTraceRatio";

    public const double DefaultRatio = 0.01;

    private readonly Sampler synthetic;

    public SyntheticLoadSampler(double ratio)
    {
        Ratio = ratio;
        synthetic = new TraceIdRatioBasedSampler(ratio);
    }

    public double Ratio { get; }

    /// <summary>The sampler of a process: this one for traces that start in it, the parent's
    /// decision for the rest.</summary>
    public static Sampler ForIncidents(double ratio) => new ParentBasedSampler(new SyntheticLoadSampler(ratio));

    /// <summary>The ratio a setting's text gives (the default when it is absent), or a problem
    /// naming the setting.</summary>
    public static double RatioOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultRatio;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new ConfigurationProblemException(RatioSetting, $"'{text}' is not a share from 0 (no synthetic load trace kept) to 1 (every one)");
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == SyntheticTag && tag.Value is true)
                {
                    return synthetic.ShouldSample(samplingParameters);
                }
            }
        }

        return new SamplingResult(SamplingDecision.RecordAndSample);
    }
}
