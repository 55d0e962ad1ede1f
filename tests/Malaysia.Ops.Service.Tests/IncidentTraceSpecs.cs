using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Malaysia.Ops.Service.Tests;

/// <summary>One trace per incident, from the alert to its resolution, across both desks and
/// the handoff between them (in one process; the integration tests check it across processes).</summary>
public sealed class IncidentTraceSpecs
{
    [Fact]
    public async Task An_incident_that_crosses_the_handoff_is_one_trace_showing_both_desks_and_the_handoff_links_to_it()
    {
        var spans = new List<Activity>();
        using var host = await NoonHandoffScenario.StartAsync(
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));

        await NoonHandoffScenario.HandOverAndResolveAsync(host, "INC-T0005");
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();

        List<Activity> finished;
        lock (spans)
        {
            finished = spans.ToList();
        }

        var incidentSpans = finished.Where(s => (string?)s.GetTagItem("ops.incident.id") == "INC-T0005").ToList();
        var trace = Assert.Single(incidentSpans.Select(s => s.TraceId).Distinct());
        var names = incidentSpans.Select(s => s.DisplayName).ToList();
        Assert.Contains("route INC-T0005 to MY desk", names);
        Assert.Contains("acknowledge INC-T0005 on MY desk", names);
        Assert.Contains("work INC-T0005 on MY desk", names);
        Assert.Contains("accept INC-T0005 on US desk", names);
        Assert.Contains("work INC-T0005 on US desk", names);
        Assert.Contains("resolve INC-T0005 on US desk", names);
        Assert.Equal(["my", "us"], incidentSpans.Select(s => (string?)s.GetTagItem("ops.desk")).OfType<string>().Distinct().Order());
        Assert.All(incidentSpans, s =>
        {
            Assert.NotNull(s.GetTagItem("ops.simulated_time"));
            Assert.Equal("DataPipelineLag", s.GetTagItem("ops.incident.type"));
            Assert.Equal("Sev2", s.GetTagItem("ops.incident.severity"));
        });

        var handoff = Assert.Single(finished, s => s.DisplayName == "handoff MY→US");
        Assert.Equal("HO-20260713T1200Z-my-us", handoff.GetTagItem("ops.handoff.id"));
        Assert.Contains(handoff.Links, link => link.Context.TraceId == trace);
    }
}
