using System.Diagnostics;

namespace Malaysia.Ops.ServiceDefaults.Telemetry;

/// <summary>The product's own activity source, beside MassTransit's. Its meter of the same name
/// is created per host from the meter factory (<see cref="OpsMetrics"/>).</summary>
public static class OpsTelemetry
{
    public const string Name = "Malaysia.Ops";

    public static readonly ActivitySource ActivitySource = new(Name);
}
