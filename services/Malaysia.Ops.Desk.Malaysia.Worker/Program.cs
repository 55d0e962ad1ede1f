using Malaysia.Ops.Desk;

// The Malaysian shift desk: the shared desk implementation with its own queue ("desk-my") and
// configuration (appsettings.json, Desk__* variables).
return await DeskServiceHost.RunAsync(args, deskId: "my", region: "MY", timeZone: "Asia/Kuala_Lumpur", defaultHealthPort: 5104);
