using Malaysia.Ops.Scenarios;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.Reporting;

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

var folder = ScenarioCatalogue.DefaultFolder;
if (settings.ListScenarios)
{
    foreach (var (name, path, description) in ScenarioCatalogue.List(folder))
    {
        Console.WriteLine($"{name,-26} {description}");
        Console.WriteLine($"{string.Empty,-26} {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
    }

    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    var scenario = ScenarioOverrides.Apply(ScenarioLoader.Load(ScenarioCatalogue.Resolve(settings.Scenario, folder)), settings);
    var outputs = new RunOutputs(settings.SnapshotPath, settings.TraceFile, settings.Verbose);
    var report = settings.Replicated
        ? await new ReplicationRunner(scenario, settings.Replications, Console.Out, outputs, warmUp: TimeSpan.FromHours(settings.WarmUpHours ?? 0)).RunAsync(settings.Compare, stop.Token)
        : (await new ScenarioRunner(scenario, settings.Speed, Console.Out, outputs, settings.Load).RunAsync(settings.Compare, stop.Token)).Report;
    Console.Write(SummaryPrinter.Format(report, wallClock: !settings.VirtualTime));
    Console.Write(ReplicationPrinter.Format(report));
    Console.Write(ScenarioRunner.FormatComparison(report));
    Console.Write(ReplicationPrinter.FormatComparison(report));

    if (settings.WriteReport)
    {
        var reportFolder = settings.ReportFolder ?? Path.Combine("reports", scenario.Name);
        Directory.CreateDirectory(reportFolder);
        await File.WriteAllTextAsync(Path.Combine(reportFolder, "report.json"), ReportJson.Serialize(report), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(reportFolder, "report.html"), ReportHtml.Render(report), CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine($"Report: {Path.Combine(reportFolder, "report.html")} (figures in report.json)");
    }

    return 0;
}
catch (ScenarioException e)
{
    foreach (var problem in e.Problems)
    {
        await Console.Error.WriteLineAsync($"error: {problem}");
    }

    return OpsHost.ExitConfiguration;
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
