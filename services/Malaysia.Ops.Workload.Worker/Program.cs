using Malaysia.Ops.Messaging.RunClock;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Workload;

// The workload service: the simulated AI infrastructure raising incidents onto the broker.
return await OpsHost.RunWorkerAsync(
    args,
    serviceName: "workload",
    defaultHealthPort: 5102,
    builder => builder.AddOpsBus(bus => bus.AddWorkload().FollowRunClock()));
