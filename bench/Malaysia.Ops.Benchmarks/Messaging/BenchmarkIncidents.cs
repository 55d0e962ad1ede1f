using System.Globalization;
using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>The message both paths carry: a real <see cref="IncidentRaised"/> with the size of
/// a typical one, its id carrying the benchmark's sequence number so a consumer can tell when
/// it was sent.</summary>
public static class BenchmarkIncidents
{
    private const string Prefix = "BENCH-";

    private static readonly DateTimeOffset SimulatedAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private const string Summary =
        "GPU node gpu-a100-0417 in cluster kl-train-03 stopped answering health checks during epoch 41 of "
        + "the recommendation model's nightly training run; the scheduler marked 8 GPUs unavailable and the "
        + "job fell back to its last checkpoint, 47 minutes old. Power and fabric look normal from the rack.";

    public static IncidentRaised Create(long sequence) => new(
        $"{Prefix}{sequence.ToString("D10", CultureInfo.InvariantCulture)}",
        IncidentType.GpuNodeFailure,
        Severity.Sev2,
        "kl-train-03",
        Summary,
        WorkMinutes: 95.5,
        SimulatedAt);

    public static long Sequence(IncidentRaised message) =>
        long.Parse(message.IncidentId.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);
}
