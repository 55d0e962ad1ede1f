using System.Globalization;

namespace Malaysia.Ops.Benchmarks.Messaging;

/// <summary>The options of the messaging benchmark, checked when read: a bad one is an
/// <see cref="ArgumentException"/> naming it.</summary>
public sealed record MessagingBenchmarkSettings
{
    /// <summary>Wall seconds of each measured phase (maximum throughput, fixed rate).</summary>
    public double Seconds { get; init; } = 10;

    /// <summary>The offered rate, messages per second, at which latency is measured.</summary>
    public int Rate { get; init; } = 2_000;

    /// <summary>Publishes awaiting their broker confirm at once, the same for both paths.</summary>
    public int InFlight { get; init; } = 64;

    /// <summary>The most consumer instances (separate buses on one queue) measured on the
    /// product path: 1 up to this.</summary>
    public int Consumers { get; init; } = 3;

    /// <summary>A broker to use instead of a private node of the benchmark's own.</summary>
    public BrokerAddress? Broker { get; init; }

    /// <summary>Where to save the HdrHistogram percentile distributions (one .hgrm per path).</summary>
    public string? HistogramFolder { get; init; }

    /// <summary>Reads the options after the benchmark's name.</summary>
    public static MessagingBenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new MessagingBenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name}: needs a value");
            settings = name switch
            {
                "--seconds" => settings with { Seconds = Positive(name, Value(), max: 3_600) },
                "--rate" => settings with { Rate = (int)Whole(name, Value(), max: 1_000_000) },
                "--in-flight" => settings with { InFlight = (int)Whole(name, Value(), max: 10_000) },
                "--consumers" => settings with { Consumers = (int)Whole(name, Value(), max: 8) },
                "--broker" => settings with { Broker = BrokerAddress.Parse(name, Value()) },
                "--histograms" => settings with { HistogramFolder = Value() },
                _ => throw new ArgumentException($"{name}: unknown option of the messaging benchmark (see --help)"),
            };
        }

        return settings;
    }

    private static double Positive(string name, string text, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a number above 0 and at most {max}");

    private static long Whole(string name, string text, long max) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a whole number from 1 to {max}");
}
