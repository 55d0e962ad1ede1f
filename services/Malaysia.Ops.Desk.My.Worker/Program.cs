using Malaysia.Ops.Desk;
using Malaysia.Ops.ServiceDefaults.Clock;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.ServiceDefaults.Messaging;

// The Malaysian shift desk (Asia/Kuala_Lumpur). Same desk implementation as the US desk; its
// own queue ("desk-my") and configuration.
return await OpsHost.RunWorkerAsync(
    args,
    serviceName: "desk-my",
    defaultHealthPort: 5104,
    builder => builder.AddOpsBus(bus => bus.AddDesk().FollowRunClock()),
    new Dictionary<string, object> { ["ops.desk.id"] = "my", ["ops.desk.region"] = "MY", ["ops.desk.time_zone"] = "Asia/Kuala_Lumpur" });
