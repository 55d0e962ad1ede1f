using System.Text.RegularExpressions;
using Malaysia.Ops.Domain.Rosters;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.ServiceDefaults.Hosting;

/// <summary>
/// Runs a service process. Bad configuration (a value that does not parse, a failed
/// validation, an unreachable or refusing broker) ends the process with one line per problem
/// naming the setting, and a non-zero exit code, never a stack trace.
/// </summary>
public static partial class OpsHost
{
    public const int ExitConfiguration = 2;
    public const int ExitFailure = 1;

    /// <summary>The thin host of a worker service: health endpoints (and any of
    /// <paramref name="endpoints"/>) on a loopback port unless ASPNETCORE_URLS /
    /// ASPNETCORE_HTTP_PORTS say otherwise.</summary>
    public static async Task<int> RunWorkerAsync(
        string[] args,
        string serviceName,
        int defaultHealthPort,
        Action<WebApplicationBuilder> configure,
        IReadOnlyDictionary<string, object>? resourceAttributes = null,
        Action<IEndpointRouteBuilder>? endpoints = null)
    {
        if (args.Contains("--probe", StringComparer.Ordinal))
        {
            return await HealthProbe.RunAsync(defaultHealthPort);
        }

        WebApplication app;
        try
        {
            // appsettings.json is found beside the assembly, whatever folder the service is
            // started from.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
            if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            {
                builder.WebHost.UseUrls($"http://127.0.0.1:{defaultHealthPort}");
            }

            builder.AddOpsServiceDefaults(serviceName, resourceAttributes);
            configure(builder);
            app = builder.Build();
            app.MapOpsHealthEndpoints();
            endpoints?.Invoke(app);
        }
        catch (Exception e) when (Describe(e) is { } problems)
        {
            return await Report(problems);
        }

        return await RunAsync(app);
    }

    /// <summary>Validates the settings, checks the broker when there is one, then runs until
    /// stopped (SIGTERM / Ctrl+C stop it cleanly with exit code 0).</summary>
    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken = default)
    {
        try
        {
            await PrepareAsync(host, cancellationToken);
            var background = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
            await host.StartAsync(cancellationToken);
            await host.WaitForShutdownAsync(cancellationToken);

            // A background service that crashed stops the host like a normal stop does; it
            // must not look like success. Nor must a run judged a failure.
            var failures = FailedServices(background);
            failures.AddRange(host.Services.GetServices<IRunOutcome>().Select(o => o.Failure).OfType<string>());
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"error: {failure}");
            }

            return failures.Count == 0 ? 0 : ExitFailure;
        }
        catch (Exception e) when (Describe(e) is { } problems)
        {
            return await Report(problems);
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }

    /// <summary>Everything a host must pass before it starts: settings validation, then the
    /// registered <see cref="IStartupCheck"/>s (the broker preflight). Used by
    /// <see cref="RunAsync"/> and by hosts that start themselves.</summary>
    public static async Task PrepareAsync(IHost host, CancellationToken cancellationToken)
    {
        // Run every ValidateOnStart check now, so a bad value is reported as such instead of as
        // a host that "failed to start" with a stack trace in the log.
        host.Services.GetService<IStartupValidator>()?.Validate();
        ListenAddressCheck.ThrowIfTaken(host);
        foreach (var check in host.Services.GetServices<IStartupCheck>())
        {
            await check.CheckAsync(cancellationToken);
        }
    }

    /// <summary>"Service: reason" for every background service that ended with an exception.</summary>
    public static IReadOnlyList<string> FailedServices(IServiceProvider services) =>
        FailedServices(services.GetServices<IHostedService>().OfType<BackgroundService>());

    private static List<string> FailedServices(IEnumerable<BackgroundService> services) =>
        services
            .Where(s => s.ExecuteTask is { IsFaulted: true })
            .Select(s => $"{s.GetType().Name} failed: {s.ExecuteTask!.Exception!.GetBaseException().Message}")
            .ToList();

    /// <summary>The problems an exception stands for, one line each, or null for a bug (which
    /// should crash loudly, with its stack trace).</summary>
    public static IReadOnlyList<string>? Describe(Exception e) => e switch
    {
        OptionsValidationException validation => validation.Failures.ToList(),
        ConfigurationProblemException problem => [problem.Message],
        RosterDefinitionException roster => [roster.Message],
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } inUse =>
            [$"urls: {inUse.Message.Replace("Failed to bind to address ", string.Empty, StringComparison.Ordinal)} ({ListenAddressCheck.AddressInUseAdvice})"],
        AggregateException aggregate when aggregate.InnerExceptions.All(i => Describe(i) is not null) =>
            aggregate.InnerExceptions.SelectMany(i => Describe(i)!).ToList(),
        InvalidOperationException binding when BindingFailure().Match(binding.Message) is { Success: true } match =>
            [$"{match.Groups["setting"].Value}: '{match.Groups["value"].Value}' is not a valid {Simple(match.Groups["type"].Value)}"],
        _ => null,
    };

    // The configuration binder's own message names the value, the setting and the type it wanted.
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<setting>[^']*)' to type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();

    private static string Simple(string typeName) => typeName switch
    {
        "System.Double" or "System.Single" or "System.Decimal" => "number",
        "System.Int32" or "System.Int64" or "System.UInt16" => "whole number",
        "System.Boolean" => "true/false value",
        "System.DateTimeOffset" or "System.DateTime" => "date and time (e.g. 2026-07-13T00:00:00Z)",
        "System.TimeSpan" => "duration (e.g. 00:30:00)",
        _ => typeName[(typeName.LastIndexOf('.') + 1)..],
    };

    private static async Task<int> Report(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"error: {problem}");
        }

        return ExitConfiguration;
    }
}
