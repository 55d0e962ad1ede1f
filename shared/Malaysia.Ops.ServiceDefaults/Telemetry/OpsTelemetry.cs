using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Malaysia.Ops.ServiceDefaults.Telemetry;

/// <summary>The product's own activity source and meter, beside MassTransit's.</summary>
public static class OpsTelemetry
{
    public const string Name = "Malaysia.Ops";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);
}
