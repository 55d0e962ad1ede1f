using System.Globalization;
using Malaysia.Ops.ServiceDefaults.Configuration;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>
/// Raw RabbitMQ.Client against the services' own bus, side by side on one broker in one run:
/// maximum throughput, latency at a fixed offered rate, CPU per message and peak memory, and
/// the ratios product/raw; then the product path's throughput with 1 to N competing consumer
/// instances. Each path runs in a process of its own, in a virtual host of its own when the
/// benchmark runs its own broker node.
/// </summary>
public static class MessagingBenchmark
{
    public static async Task<int> RunAsync(MessagingBenchmarkSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using var node = settings.Broker is null ? await PrivateBrokerNode.StartAsync(output) : null;
        var broker = settings.Broker ?? node!.Address;
        var messaging = BenchmarkConfiguration.Messaging(broker);

        async Task<PathRunResult> Measure(PathKind path, int consumers, int rate, bool telemetryOff = false)
        {
            var histogram = rate > 0 && settings.HistogramFolder is { } folder
                ? Path.Combine(folder, $"{path.ToString().ToLowerInvariant()}{(telemetryOff ? "-telemetry-off" : string.Empty)}-{rate}-per-second.hgrm")
                : null;
            var virtualHost = $"messaging-benchmark-{path.ToString().ToLowerInvariant()}-{consumers}";
            var target = node is null ? broker : await node.CreateVirtualHostAsync(virtualHost);
            try
            {
                return await PathProcess.RunAsync(
                    new PathRunRequest(path, telemetryOff, consumers, target.ToUri(), settings.Seconds, rate, settings.InFlight, histogram),
                    cancellationToken);
            }
            finally
            {
                if (node is not null)
                {
                    await node.DeleteVirtualHostAsync(virtualHost);
                }
            }
        }

        var concurrency = BenchmarkConfiguration.Concurrency(messaging);
        await output.WriteLineAsync(
            Invariant($"messaging: IncidentRaised, {(messaging.QuorumQueues ? "quorum" : "classic")} durable queue, persistent, publisher confirms, ") +
            Invariant($"{settings.InFlight} publishes in flight, prefetch {messaging.PrefetchCount}, concurrency {concurrency}, ") +
            Invariant($"wire format {messaging.WireFormat}; {settings.Seconds:0.#} s per phase; broker {broker}"));
        var raw = await Measure(PathKind.Raw, 1, settings.Rate);
        var product = await Measure(PathKind.Product, 1, settings.Rate);
        var productTelemetryOff = await Measure(PathKind.Product, 1, settings.Rate, telemetryOff: true);
        var competing = new List<PathRunResult> { product };
        for (var consumers = 2; consumers <= settings.Consumers; consumers++)
        {
            competing.Add(await Measure(PathKind.Product, consumers, rate: 0));
        }

        await new ResultTable(settings.Rate).WriteAsync(output, raw, [product, productTelemetryOff], competing);
        if (settings.HistogramFolder is { } saved)
        {
            await output.WriteLineAsync($"percentile distributions (HdrHistogram, ms) in {Path.GetFullPath(saved)}");
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
