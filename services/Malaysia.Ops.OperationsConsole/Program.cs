using System.Text.Json.Serialization;
using Malaysia.Ops.OperationsConsole;
using Malaysia.Ops.OperationsConsole.Api;
using Malaysia.Ops.OperationsConsole.Board;
using Malaysia.Ops.Scenarios;
using Malaysia.Ops.ServiceDefaults;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

// The operations console: the live board of a run and its controls. Embedded (the default) it
// runs a scenario's whole operation in this process; attached it joins services on a broker.
if (args.Contains("--probe", StringComparer.Ordinal))
{
    return await HealthProbe.RunAsync(ConsoleDefaults.Port);
}

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    });
    if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
    {
        builder.WebHost.UseUrls($"http://127.0.0.1:{ConsoleDefaults.Port}");
    }

    // Request bodies are small JSON objects; anything larger is refused before it is read.
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ConsoleDefaults.MaxRequestBytes);
    builder.AddOpsServiceDefaults("console");
    builder.AddOperationsConsole();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<QueueDepth>();
    builder.Services.AddSingleton<BoardView>();
    builder.Services.AddProblemDetails();
    builder.Services.AddOpenApi();
    builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
    app = builder.Build();

    // Outside Development the controls must not be open to whoever can reach the port.
    if (!app.Environment.IsDevelopment() && string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Token))
    {
        throw new ConfigurationProblemException("Console:Token", $"required outside Development (environment {app.Environment.EnvironmentName}); set Console__Token");
    }

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.MapOpenApi();
    app.MapOpsHealthEndpoints();
    app.MapConsoleApi();
}
catch (ScenarioException e)
{
    foreach (var problem in e.Problems)
    {
        await Console.Error.WriteLineAsync($"error: {problem}");
    }

    return OpsHost.ExitConfiguration;
}
catch (Exception e) when (OpsHost.Describe(e) is { } problems)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"error: {problem}");
    }

    return OpsHost.ExitConfiguration;
}

return await OpsHost.RunAsync(app);
