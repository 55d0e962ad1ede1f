using Malaysia.Ops.Desk;

// The US shift desk: the shared desk implementation with its own queue ("desk-us") and
// configuration (appsettings.json, Desk__* variables).
return await DeskServiceHost.RunAsync(args, deskId: "us", region: "US", timeZone: "America/New_York", defaultHealthPort: 5103);
