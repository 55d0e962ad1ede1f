using Malaysia.Ops.Dispatch;
using Malaysia.Ops.Dispatch.Load;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Malaysia.Ops.Messaging;

// The dispatch service: follow-the-sun router, shift clock, handoff coordinator, incident
// ledger, and owner of the run's simulated clock. Its HTTP port also serves the load's figures.
return await OpsHost.RunWorkerAsync(
    args,
    serviceName: "dispatch",
    defaultHealthPort: 5101,
    builder => builder.AddOpsBus(bus => bus.AddDispatch()),
    endpoints: app => app.MapLoadThroughDispatch());
