using Malaysia.Ops.Scenarios;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Simulator;
using Malaysia.Ops.Simulator.CommandLine;
using Malaysia.Ops.Simulator.Reporting;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

return await new SimulatorCommandLine(RunAsync).InvokeAsync(args, Console.Out, Console.Error, stop.Token);

static Task<int> RunAsync(SimulatorSettings settings, CancellationToken cancellation) => RunFailures.ExitCodeAsync(
    async () =>
    {
        var scenario = ScenarioOverrides.Apply(ScenarioLoader.Load(ScenarioCatalogue.Resolve(settings.Scenario, ScenarioCatalogue.DefaultFolder)), settings);
        var reportFolder = settings.ReportFolder ?? Path.Combine("reports", scenario.Name);

        // The default folder is known once the scenario is; --report was checked with the options.
        if (settings.WriteReport && OutputPaths.FolderProblem("report folder", reportFolder) is { } folderProblem)
        {
            await Console.Error.WriteLineAsync($"error: {folderProblem}");
            return OpsHost.ExitConfiguration;
        }

        var outputs = new RunOutputs(settings.SnapshotPath, settings.TraceFile, settings.Verbose);
        var report = settings.Replicates(scenario)
            ? await new ReplicationRunner(scenario, settings.Replications, Console.Out, outputs, warmUp: TimeSpan.FromHours(scenario.WarmUpHours), bus: settings.Bus).RunAsync(settings.Compare, cancellation)
            : (await new ScenarioRunner(scenario, settings.Speed, Console.Out, outputs, settings.Load, settings.Bus).RunAsync(settings.Compare, cancellation)).Report;
        Console.Write(SummaryPrinter.Format(report, wallClock: !settings.VirtualTime));
        Console.Write(ReplicationPrinter.Format(report));
        Console.Write(ScenarioRunner.FormatComparison(report));
        Console.Write(ReplicationPrinter.FormatComparison(report));

        if (settings.WriteReport)
        {
            await ReportFiles.WriteAsync(report, reportFolder, Console.Out);
        }

        return 0;
    },
    Console.Error);
