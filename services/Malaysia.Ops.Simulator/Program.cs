using Malaysia.Ops.Dispatch.Roster;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Simulator;

if (args.Contains("--help", StringComparer.Ordinal) || args.Contains("-h", StringComparer.Ordinal))
{
    Console.WriteLine(SimulatorSettings.Help);
    return 0;
}

SimulatorSettings settings;
try
{
    settings = SimulatorSettings.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return OpsHost.ExitConfiguration;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    var snapshot = await new SimulationRun(settings, Console.Out).RunAsync(stop.Token);
    var roster = RosterFactory.Build(new RosterOptions());
    Console.Write(SummaryPrinter.Format(snapshot, roster.Coverage(settings.Epoch, settings.End), wallClock: !settings.VirtualTime));
    return 0;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("Run interrupted.");
    return 130;
}
catch (SimulationFailedException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return OpsHost.ExitFailure;
}
catch (Exception e) when (OpsHost.Describe(e) is { } problems)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"error: {problem}");
    }

    return OpsHost.ExitConfiguration;
}
