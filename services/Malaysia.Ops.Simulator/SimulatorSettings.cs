using System.Globalization;

namespace Malaysia.Ops.Simulator;

/// <summary>What one simulator run is asked to do, from its command line.</summary>
public sealed record SimulatorSettings(
    double Days,
    double? Speed,
    int Seed,
    double IncidentsPerHour,
    DateTimeOffset Epoch,
    int Engineers,
    string? SnapshotPath,
    bool Verbose = false,
    string? TraceFile = null)
{
    public static SimulatorSettings Default { get; } = new(
        Days: 3,
        Speed: null,
        Seed: 42,
        IncidentsPerHour: 4,
        Epoch: new DateTimeOffset(2026, 7, 13, 0, 0, 0, TimeSpan.Zero),
        Engineers: 4,
        SnapshotPath: null);

    public DateTimeOffset End => Epoch.AddDays(Days);

    /// <summary>Virtual time unless a speed was asked for.</summary>
    public bool VirtualTime => Speed is null;

    public const string Help = """
        Malaysia.Ops simulator: a follow-the-sun AI operations desk (US desk in New York,
        Malaysian desk in Kuala Lumpur) run in one process on an in-memory bus.

        Usage: dotnet run --project services/Malaysia.Ops.Simulator -- [options]

          --days N          simulated days to run (default 3)
          --speed X         run on an accelerated wall clock, X simulated seconds per wall
                            second (e.g. 17280: a day in 5 s), as the separate services do.
                            Without it the run is in virtual time: the clock jumps to the next
                            thing due whenever nothing is happening, so a week takes seconds
                            and the same options give the same results, byte for byte
          --seed N          seed of the incident stream; the same seed gives the same
                            incidents (default 42)
          --rate R          mean incidents per simulated hour, Poisson (default 4)
          --epoch ISO       simulated start, UTC (default 2026-07-13T00:00:00Z, a July
                            Monday; try 2026-01-12T00:00:00Z for the US winter gap)
          --engineers N     engineers per desk on shift (default 4)
          --snapshot PATH   also write dispatch's ledger (every incident and handoff) as JSON
          --trace-file PATH write every span as OTLP/JSON lines (one trace per incident)
          --verbose         show the services' warnings (escalations, late briefings)
          --help            this text

        Exit code 0 when the run completed, 2 for a bad option.
        """;

    /// <summary>Parses the command line; an error names the option and what is wrong.</summary>
    public static SimulatorSettings Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{name}: needs a value");

            settings = name switch
            {
                "--verbose" => settings with { Verbose = true },
                "--days" => settings with { Days = Positive(name, Number(name, Value()), max: 3650) },
                "--speed" => settings with { Speed = Positive(name, Number(name, Value()), max: 1_000_000) },
                "--seed" => settings with { Seed = Integer(name, Value()) },
                "--rate" => settings with { IncidentsPerHour = Positive(name, Number(name, Value()), max: 1_000_000) },
                "--epoch" => settings with { Epoch = Instant(name, Value()) },
                "--engineers" => settings with { Engineers = (int)Positive(name, Integer(name, Value()), max: 1000) },
                "--snapshot" => settings with { SnapshotPath = Value() },
                "--trace-file" => settings with { TraceFile = Value() },
                _ => throw new ArgumentException($"{name}: unknown option (see --help)"),
            };
        }

        return settings;
    }

    private static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a number");

    private static int Integer(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a whole number");

    private static double Positive(string name, double value, double max) =>
        value > 0 && value <= max
            ? value
            : throw new ArgumentException($"{name}: {value.ToString(CultureInfo.InvariantCulture)} is out of range (more than 0, at most {max.ToString(CultureInfo.InvariantCulture)})");

    private static DateTimeOffset Instant(string name, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not an instant (e.g. 2026-07-13T00:00:00Z)");
}
