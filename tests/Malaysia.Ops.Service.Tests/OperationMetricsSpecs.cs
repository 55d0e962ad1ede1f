using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Malaysia.Ops.Service.Tests;

/// <summary>The product's metrics, as a dashboard reads them, from a handoff in one process.</summary>
public sealed class OperationMetricsSpecs
{
    [Fact]
    public async Task A_handed_over_incident_shows_in_the_raised_resolved_latency_and_open_metrics()
    {
        var exported = new List<Metric>();
        using var host = await NoonHandoffScenario.StartAsync(
            services => services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(exported)));

        await NoonHandoffScenario.HandOverAndResolveAsync(host, "INC-T0006");
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // A metric is exported again at every collection; each one counts once.
        var points = exported.Distinct()
            .GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => g.SelectMany(Points).ToList());

        var latency = Assert.Single(points["ops.handoff.item.latency.simulated"]);
        Assert.Equal("my->us", latency.Tags["direction"]);
        Assert.Equal(1, latency.Point.GetHistogramCount());
        Assert.Equal(3, latency.Point.GetHistogramSum());
        Assert.Equal(1, Assert.Single(points["ops.handoff.item.latency.wall"]).Point.GetHistogramCount());

        Assert.Equal(1, points["ops.incidents.raised"].Sum(p => p.Point.GetSumLong()));
        var resolved = Assert.Single(points["ops.incidents.resolved"], p => p.Point.GetSumLong() > 0);
        Assert.Equal("us", resolved.Tags["desk"]);
        Assert.Equal(["my", "us"], points["ops.incidents.open"].Select(p => (string)p.Tags["desk"]!).Distinct().Order());
    }

    private static IEnumerable<(MetricPoint Point, Dictionary<string, object?> Tags)> Points(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            yield return (point, tags);
        }
    }
}
