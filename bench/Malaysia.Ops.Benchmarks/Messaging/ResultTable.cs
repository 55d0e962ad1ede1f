using System.Globalization;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>The benchmark's printed figures: one row per measured path, the ratios
/// product/raw (above 1 is more: for throughput better, for the rest worse), and the product
/// path with competing consumers. "product" is the services' bus as they run it.</summary>
public sealed class ResultTable(int rate)
{
    private const string Header =
        "path                             consumers  body B    msgs/s  CPU us/msg  peak RSS MB    p50 ms    p90 ms    p99 ms  p99.9 ms";

    public async Task WriteAsync(TextWriter output, PathRunResult raw, IReadOnlyList<PathRunResult> products, IReadOnlyList<PathRunResult> competing)
    {
        await output.WriteLineAsync(Invariant($"latency at {rate} msg/s offered, from the publish call to the consumer"));
        await output.WriteLineAsync(Header);
        await output.WriteLineAsync(Row(raw));
        foreach (var product in products)
        {
            await output.WriteLineAsync(Row(product));
        }

        foreach (var product in products)
        {
            await output.WriteLineAsync(
                $"{"ratio " + Name(product) + "/raw",-42}  {Ratio(product.BodyBytes, raw.BodyBytes),6}  {Ratio(product.MessagesPerSecond, raw.MessagesPerSecond),8}  " +
                $"{Ratio(product.CpuMicrosecondsPerMessage, raw.CpuMicrosecondsPerMessage),10}  {Ratio(product.PeakRssMegabytes, raw.PeakRssMegabytes),11}  " +
                $"{Ratio(product.P50, raw.P50),8}  {Ratio(product.P90, raw.P90),8}  {Ratio(product.P99, raw.P99),8}  {Ratio(product.P999, raw.P999),8}");
        }

        if (competing.Count > 1)
        {
            await output.WriteLineAsync("competing consumers (separate bus instances on one queue), maximum throughput:");
            foreach (var result in competing)
            {
                await output.WriteLineAsync(Row(result));
            }
        }
    }

    private static string Name(PathRunResult result) => (result.Path, result.TelemetryOff) switch
    {
        (PathKind.Raw, _) => "raw RabbitMQ.Client",
        (_, false) => "product",
        (_, true) => "product, telemetry off",
    };

    private static string Row(PathRunResult result) =>
        Invariant($"{Name(result),-32} {result.Consumers,9}  {result.BodyBytes,6}  {result.MessagesPerSecond,8:0}  {result.CpuMicrosecondsPerMessage,10:0.0}  {result.PeakRssMegabytes,11:0.0}  ") +
        Invariant($"{Millis(result.P50),8}  {Millis(result.P90),8}  {Millis(result.P99),8}  {Millis(result.P999),8}");

    private static string Millis(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? product, double? raw) =>
        product is { } p && raw is { } r && r > 0 ? (p / r).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
