using System.Globalization;
using Malaysia.Ops.Benchmarks;

const string Usage = """
    Malaysia.Ops benchmarks (run in Release: dotnet run -c Release --project bench/Malaysia.Ops.Benchmarks -- ...)

      simulator [--days N] [--month-days N] [--rate-multiplier F]
          simulated days per wall second in virtual time: the default scenario for N days
          (default 7) and for --month-days (default 30) at F times its rate and engineers
          (default 10)
    """;

if (args.Length == 0 || args[0] is "--help" or "-h")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

double Option(string name, double fallback)
{
    var i = Array.IndexOf(args, name);
    if (i < 0)
    {
        return fallback;
    }

    if (i + 1 >= args.Length || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
    {
        throw new ArgumentException($"{name}: needs a positive number");
    }

    return value;
}

try
{
    return args[0] switch
    {
        "simulator" => await SimulatorSpeedBenchmark.RunAsync(Option("--days", 7), Option("--month-days", 30), Option("--rate-multiplier", 10), Console.Out),
        _ => throw new ArgumentException($"{args[0]}: unknown benchmark (see --help)"),
    };
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}
