using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Malaysia.Ops.Deploy.Tests;

/// <summary>The observability profile: collector, Prometheus and Grafana fit together, and the
/// dashboard asks for metrics the services actually export.</summary>
public sealed partial class ObservabilityStackSpecs
{
    [Fact]
    public void The_collector_sends_traces_to_Jaeger_and_serves_metrics_where_Prometheus_scrapes()
    {
        var collector = DeployFiles.Yaml("deploy/observability/otel-collector.yaml");
        var pipelines = collector.Map("service").Map("pipelines");

        Assert.Contains("otlp", pipelines.Map("traces").List("receivers"));
        Assert.Contains("otlp/jaeger", pipelines.Map("traces").List("exporters"));
        Assert.Contains("prometheus", pipelines.Map("metrics").List("exporters"));
        Assert.Equal("0.0.0.0:4317", collector.Map("receivers").Map("otlp").Map("protocols").Map("grpc")["endpoint"]);
        Assert.Equal("jaeger:4317", collector.Map("exporters").Map("otlp/jaeger")["endpoint"]);
        var metricsPort = ((string)collector.Map("exporters").Map("prometheus")["endpoint"]).Split(':')[^1];

        var targets = DeployFiles.Yaml("deploy/observability/prometheus.yml").List("scrape_configs")
            .SelectMany(job => job.List("static_configs"))
            .SelectMany(config => config.List("targets"))
            .Cast<string>()
            .ToList();
        Assert.Contains($"otel-collector:{metricsPort}", targets);
        Assert.Contains("rabbitmq:15692", targets);
    }

    [Fact]
    public void Every_product_metric_on_the_dashboard_is_one_the_services_define()
    {
        var exported = PrometheusNamesOfProductMetrics();
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DeployFiles.PathOf("deploy/observability/grafana/dashboards/malaysia-ops-desks.json")));
        Assert.Equal("malaysia-ops-desks", dashboard.RootElement.GetProperty("uid").GetString());

        var queried = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .SelectMany(target => ProductMetric().Matches(target.GetProperty("expr").GetString()!).Select(m => m.Value))
            .Select(name => Regex.Replace(name, "_(bucket|sum|count)$", string.Empty))
            .Distinct()
            .ToList();

        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.Contains(name, exported));
        // And nothing the services measure is left off the board.
        Assert.All(exported, name => Assert.Contains(name, queried));
    }

    [Fact]
    public void Every_file_the_compose_stack_mounts_from_the_repository_exists()
    {
        var services = DeployFiles.Yaml("docker-compose.yml").Map("services");
        var mounts = services.Values
            .Cast<Dictionary<object, object>>()
            .Where(service => service.ContainsKey("volumes"))
            .SelectMany(service => service.List("volumes").Cast<string>())
            .Where(volume => volume.StartsWith("./", StringComparison.Ordinal))
            .Select(volume => volume.Split(':')[0])
            .ToList();

        Assert.NotEmpty(mounts);
        Assert.All(mounts, source => Assert.True(File.Exists(DeployFiles.PathOf(source)) || Directory.Exists(DeployFiles.PathOf(source)), $"{source} does not exist"));
        foreach (var name in new[] { "otel-collector", "jaeger", "prometheus", "grafana" })
        {
            Assert.Equal(["observability"], services.Map(name).List("profiles"));
        }
    }

    /// <summary>The product's instruments under the names Prometheus gives them (dots to
    /// underscores, a unit suffix, "_total" on counters).</summary>
    private static List<string> PrometheusNamesOfProductMetrics()
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var names = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == OpsTelemetry.Name)
                {
                    var unit = instrument.Unit switch { "min" => "_minutes", "ms" => "_milliseconds", _ => string.Empty };
                    var total = instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal) ? "_total" : string.Empty;
                    names.Add(instrument.Name.Replace('.', '_') + unit + total);
                }
            },
        };
        listener.Start();
        var metrics = new OpsMetrics(provider.GetRequiredService<IMeterFactory>());
        metrics.ObserveOpenIncidents(() => []);
        return names;
    }

    [GeneratedRegex(@"\bops_[a-z_]+")]
    private static partial Regex ProductMetric();
}
