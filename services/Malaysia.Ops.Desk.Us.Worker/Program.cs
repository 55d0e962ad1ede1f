using Malaysia.Ops.Desk;
using Malaysia.Ops.ServiceDefaults.Clock;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.ServiceDefaults.Messaging;

// The US shift desk (America/New_York). Same desk implementation as the Malaysian desk; its
// own queue ("desk-us") and configuration.
return await OpsHost.RunWorkerAsync(
    args,
    serviceName: "desk-us",
    defaultHealthPort: 5103,
    builder => builder.AddOpsBus(bus => bus.AddDesk().FollowRunClock()),
    new Dictionary<string, object> { ["ops.desk.id"] = "us", ["ops.desk.region"] = "US", ["ops.desk.time_zone"] = "America/New_York" });
