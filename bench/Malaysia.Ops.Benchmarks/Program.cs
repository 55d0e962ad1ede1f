using System.Globalization;
using Malaysia.Ops.Benchmarks;
using Malaysia.Ops.Benchmarks.Messaging;

const string Usage = """
    Malaysia.Ops benchmarks (run in Release: dotnet run -c Release --project bench/Malaysia.Ops.Benchmarks -- ...)

      simulator [--days N] [--month-days N] [--rate-multiplier F] [--year-days N] [--mm3-days N]
          the simulator in virtual time, direct engine beside the in-memory bus: incidents per
          wall second on the default scenario for N days (default 7); --year-days (default 365)
          of it on the direct engine in a process of its own, with its peak RSS; --month-days
          (default 30) at F times its rate (default 10) with the same staff; and M/M/3 for
          --mm3-days (default 365) against SimPy 2.3 (bench/mm3_simpy.py, /usr/bin/python3
          with python3-simpy), customers per wall second and mean queue wait

      messaging [--seconds N] [--rate N] [--in-flight N] [--consumers N] [--broker URI] [--histograms DIR]
          raw RabbitMQ.Client against the services' own bus (their settings, Messaging__* from the
          environment included), on one broker in one run: maximum throughput (--in-flight
          publishes awaiting confirms, default 64) for N seconds (default 10), latency p50 to
          p99.9 at --rate msg/s offered (default 2000), CPU per message, peak RSS, the ratios;
          then the services' bus with 1 to --consumers competing consumer instances (default 3).
          Starts a private RabbitMQ node (deploy/rabbitmq/local-node.sh) unless --broker
          amqp://user:password@host:port/vhost names one (give it a virtual host of its own).
          --histograms DIR saves the HdrHistogram percentile distributions there.
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

// Ctrl+C stops a run cleanly: the child processes are ended and a broker node the run started
// is stopped.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

try
{
    return args[0] switch
    {
        "simulator" => await SimulatorSpeedBenchmark.RunAsync(
            new SimulatorBenchmarkSettings(Option("--days", 7), Option("--month-days", 30), Option("--rate-multiplier", 10), Option("--year-days", 365), Option("--mm3-days", 365)),
            Console.Out),
        SimulatorRunProcess.Command when args.Length == 2 => await SimulatorRunProcess.ServeAsync(args[1]),
        "messaging" => await MessagingBenchmark.RunAsync(MessagingBenchmarkSettings.Parse(args[1..]), Console.Out, interrupted.Token),
        PathProcess.Command when args.Length == 2 => await PathProcess.ServeAsync(args[1], interrupted.Token),
        _ => throw new ArgumentException($"{args[0]}: unknown benchmark (see --help)"),
    };
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}
catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("interrupted");
    return 130;
}
