using System.Diagnostics;
using System.Globalization;
using HdrHistogram;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>
/// Measures one path in a process of its own (so its CPU time and peak memory are its own):
/// a warm-up, then the maximum throughput (publishes kept in flight for the run's seconds, the
/// clock stopped at the last delivery), then latency at a fixed offered rate (publishes
/// started on schedule whatever the earlier ones are doing, timed from the publish call to
/// the consumer).
/// </summary>
public static class PathRun
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);

    public static async Task<PathRunResult> RunAsync(PathRunRequest request, CancellationToken cancellationToken)
    {
        var broker = BrokerAddress.Parse("broker", request.BrokerUri);
        var recorder = new DeliveryRecorder();
        await using IMessagingPath path = request.Path == PathKind.Raw ? new RawClientPath(broker) : new ProductBusPath(broker);
        await path.StartAsync(request.Consumers, recorder, cancellationToken);

        long sequence = 0;
        await KeepInFlightAsync(path, request.InFlight, Math.Min(1, request.Seconds), () => Interlocked.Increment(ref sequence), cancellationToken);
        await recorder.WaitForAsync(sequence, DrainTimeout, cancellationToken);

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var deliveredBefore = recorder.Delivered;
        var started = Stopwatch.GetTimestamp();
        await KeepInFlightAsync(path, request.InFlight, request.Seconds, () => Interlocked.Increment(ref sequence), cancellationToken);
        await recorder.WaitForAsync(sequence, DrainTimeout, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started, recorder.LastDeliveredAt);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var messages = recorder.Delivered - deliveredBefore;

        if (request.Rate > 0)
        {
            var count = (long)(request.Rate * request.Seconds);
            recorder.Track(sequence + 1, count);
            await OfferAtRateAsync(path, recorder, request.Rate, sequence + 1, count, cancellationToken);
            sequence += count;
            await recorder.WaitForAsync(sequence, DrainTimeout, cancellationToken);
            if (request.HistogramFile is { } file)
            {
                await SaveAsync(recorder.Latency, file);
            }
        }

        double? Percentile(double p) => request.Rate > 0 ? recorder.Latency.GetValueAtPercentile(p) / 1000.0 : null;
        return new PathRunResult(
            request.Path,
            request.TelemetryOff,
            request.Consumers,
            recorder.BodyBytes,
            messages,
            messages / elapsed.TotalSeconds,
            cpu.TotalMicroseconds / messages,
            PeakRssMegabytes(),
            Percentile(50),
            Percentile(90),
            Percentile(99),
            Percentile(99.9));
    }

    /// <summary>Publishes for <paramref name="seconds"/> with <paramref name="inFlight"/>
    /// publishes awaiting their confirm at any moment.</summary>
    private static async Task KeepInFlightAsync(IMessagingPath path, int inFlight, double seconds, Func<long> next, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(
            async () =>
            {
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    await path.PublishAsync(BenchmarkIncidents.Create(next()), cancellationToken);
                }
            },
            cancellationToken)));
    }

    /// <summary>An open loop: every millisecond, starts the publishes that are due by then,
    /// without waiting for earlier ones.</summary>
    private static async Task OfferAtRateAsync(IMessagingPath path, DeliveryRecorder recorder, int rate, long first, long count, CancellationToken cancellationToken)
    {
        var publishes = new List<Task>((int)count);
        var started = Stopwatch.GetTimestamp();
        long offered = 0;
        while (offered < count)
        {
            var due = Math.Min(count, (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate) + 1);
            for (; offered < due; offered++)
            {
                recorder.Sent(first + offered);
                publishes.Add(path.PublishAsync(BenchmarkIncidents.Create(first + offered), cancellationToken));
            }

            await Task.Delay(1, cancellationToken);
        }

        await Task.WhenAll(publishes);
    }

    private static async Task SaveAsync(HistogramBase histogram, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await using var writer = new StreamWriter(file);

        // Recorded in microseconds, written in milliseconds like the table.
        histogram.OutputPercentileDistribution(writer, outputValueUnitScalingRatio: 1000.0);
    }

    /// <summary>The process's peak resident set (VmHWM), in megabytes; 0 where /proc is missing.</summary>
    private static double PeakRssMegabytes()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return 0;
        }

        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? 0 : long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
    }
}
