using Malaysia.Ops.Contracts;
using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Domain.Load;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Workload;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// The workload's synthetic load: as many incidents as its profile offers, each marked synthetic
/// in its headers with an INC-L- id, all confirmed, while the seeded stream's own incidents are
/// marked as not synthetic; with no load configured, the driver raises nothing. With thresholds,
/// the driver judges them at the end on its own figures and dispatch's, and stops the run, which
/// fails when one broke.
/// </summary>
public sealed class LoadDriverSpecs
{
    private static Task<IHost> StartWithLoad(Dictionary<string, string?> load) => OpsTestHost.StartAsync(
        new Dictionary<string, string?>(load)
        {
            ["Simulation:VirtualTime"] = "false",
            ["Simulation:Speed"] = "60",
            ["Workload:IncidentsPerHour"] = "30",
        },
        bus => bus.AddDispatch().AddWorkload());

    private static bool MarkedSynthetic(IPublishedMessage<IncidentRaised> raised) =>
        raised.Context.Headers.Get<string>(IncidentIds.SyntheticHeader) == "true";

    [Fact]
    public async Task A_constant_load_raises_what_its_profile_offers_each_marked_synthetic()
    {
        using var host = await StartWithLoad(new() { ["Workload:Load:Rate"] = "150", ["Workload:Load:Seconds"] = "2", ["Workload:Load:ReportSeconds"] = "0.5" });
        var driver = host.Services.GetRequiredService<LoadDriver>();
        var harness = host.Services.GetRequiredService<ITestHarness>();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!driver.Finished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(driver.Finished, $"the load did not finish: {driver.Figures.Raised} of {driver.Figures.Offered} raised");
        Assert.Equal(300, driver.Figures.Offered);
        Assert.Equal(300, driver.Figures.Raised);
        Assert.Equal(0, driver.Figures.InFlight);
        Assert.NotNull(driver.Figures.ConfirmMilliseconds(99));

        var raised = harness.Published.Select<IncidentRaised>().ToList();
        var load = raised.Where(r => r.Context.Message.IncidentId.StartsWith(IncidentIds.LoadPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(300, load.Select(r => r.Context.Message.IncidentId).Distinct().Count());
        Assert.All(load, r => Assert.True(MarkedSynthetic(r), $"{r.Context.Message.IncidentId} is not marked synthetic"));
        Assert.All(raised.Except(load), r => Assert.False(MarkedSynthetic(r), $"{r.Context.Message.IncidentId} of the seeded stream is marked synthetic"));
    }

    private static async Task<LoadDriver> JudgedLoad(IHost host)
    {
        var driver = host.Services.GetRequiredService<LoadDriver>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!driver.Judged && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(driver.Judged, $"the thresholds were not judged: {driver.Figures.Raised} of {driver.Figures.Offered} raised");
        Assert.True(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the run did not stop once judged");
        return driver;
    }

    [Fact]
    public async Task Thresholds_that_hold_on_the_drivers_and_dispatchs_figures_pass_the_run()
    {
        using var host = await StartWithLoad(new()
        {
            ["Workload:Load:Rate"] = "100",
            ["Workload:Load:Seconds"] = "1",
            ["Workload:Load:ReportSeconds"] = "0.5",
            ["Workload:Load:Thresholds:0"] = "p99 raise→confirm < 60 s",
            ["Workload:Load:Thresholds:1"] = "p99 raise->assign < 60000 ms",
            ["Workload:Load:Thresholds:2"] = "rate > 10/s",
        });

        var driver = await JudgedLoad(host);

        Assert.Equal([ThresholdState.Pass, ThresholdState.Pass, ThresholdState.Pass], driver.Verdicts.Select(v => v.State));
        Assert.All(driver.Verdicts, v => Assert.NotNull(v.Figure));
        Assert.Null(driver.Failure);
        Assert.Empty(OpsHost.FailedServices(host.Services));
    }

    [Fact]
    public async Task A_broken_threshold_fails_the_run_and_names_itself_with_its_figure()
    {
        // No desk runs: nothing is acknowledged, so once the drain time is over every incident is lost.
        using var host = await StartWithLoad(new()
        {
            ["Workload:Load:Rate"] = "100",
            ["Workload:Load:Seconds"] = "1",
            ["Workload:Load:DrainSeconds"] = "1",
            ["Workload:Load:Thresholds:0"] = "lost = 0",
            ["Workload:Load:Thresholds:1"] = "rate > 100000/s",
            ["Workload:Load:Thresholds:2"] = "p99 raise→confirm < 60 s",
        });

        var driver = await JudgedLoad(host);

        Assert.Equal([ThresholdState.Fail, ThresholdState.Fail, ThresholdState.Pass], driver.Verdicts.Select(v => v.State));
        Assert.Equal(100, driver.Verdicts[0].Figure);
        Assert.StartsWith("load thresholds broken: lost = 0: 100, fail; rate > 100000/s: ", driver.Failure, StringComparison.Ordinal);
        Assert.DoesNotContain("raise→confirm", driver.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_load_configured_the_driver_raises_nothing()
    {
        using var host = await StartWithLoad([]);
        var driver = host.Services.GetRequiredService<LoadDriver>();

        await Task.Delay(500);

        Assert.Equal(0, driver.Figures.Offered);
        Assert.False(driver.Finished);
    }
}
