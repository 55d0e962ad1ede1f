using Malaysia.Ops.Messaging.RunClock;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;

namespace Malaysia.Ops.Desk;

/// <summary>The process of one desk service: the desk configured by section "Desk", following
/// the run's clock, with its site in the telemetry resource.</summary>
public static class DeskServiceHost
{
    public static Task<int> RunAsync(string[] args, string deskId, string region, string timeZone, int defaultHealthPort) =>
        OpsHost.RunWorkerAsync(
            args,
            serviceName: $"desk-{deskId}",
            defaultHealthPort,
            builder => builder.AddOpsBus(bus => bus.AddDesk().FollowRunClock()),
            new Dictionary<string, object> { ["ops.desk.id"] = deskId, ["ops.desk.region"] = region, ["ops.desk.time_zone"] = timeZone });
}
