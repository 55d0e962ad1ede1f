using Malaysia.Ops.OperationsConsole.Api;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.OperationsConsole;

public enum ConsoleMode
{
    /// <summary>The console hosts the whole run on the in-memory bus: a one-command rehearsal.</summary>
    Embedded,

    /// <summary>The console joins services running on a broker, as one more process of the run.</summary>
    Attached,
}

/// <summary>Section "Console".</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    public ConsoleMode Mode { get; set; } = ConsoleMode.Embedded;

    /// <summary>Embedded: the scenario to run, by name (scenarios folder) or path.</summary>
    public string Scenario { get; set; } = "handoff-rehearsal";

    /// <summary>Embedded: simulated seconds per wall second; the scenario's rehearsal speed, or
    /// 30, when not set.</summary>
    public double? Speed { get; set; }

    /// <summary>Embedded: start the run as soon as the console is up, instead of on "Start".</summary>
    public bool AutoStart { get; set; }

    /// <summary>The token mutating requests must carry (<c>Authorization: Bearer …</c>).
    /// Required outside Development; from configuration or the environment
    /// (<c>Console__Token</c>), never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Where an incident's trace is shown, with <c>{traceId}</c> in it: e.g.
    /// <c>http://localhost:16686/trace/{traceId}</c> (Jaeger) or the Aspire dashboard's
    /// <c>http://localhost:18888/traces/detail/{traceId}</c>. No links when empty.</summary>
    public string? TraceUrl { get; set; }

    /// <summary>Host names (or addresses) the console answers to besides loopback and the hosts
    /// of its URLs, ';' between them (e.g. <c>ops.example.com;console.internal</c>): the names a
    /// deployment reaches it by. A request naming any other host is refused, and so is a change
    /// of the run from a page on one.</summary>
    public string? AllowedHosts { get; set; }

    /// <summary>Board pushes per wall second over server-sent events.</summary>
    public double BoardUpdatesPerSecond { get; set; } = 2;
}

public sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            problems.Add($"{ConsoleOptions.Section}:Mode: '{options.Mode}' is not a mode (Embedded or Attached)");
        }

        if (options.Speed is { } speed && (!double.IsFinite(speed) || speed <= 0 || speed > 1_000_000))
        {
            problems.Add($"{ConsoleOptions.Section}:Speed: {speed} is out of range (greater than 0 and at most 1000000)");
        }

        if (!double.IsFinite(options.BoardUpdatesPerSecond) || options.BoardUpdatesPerSecond is <= 0 or > 20)
        {
            problems.Add($"{ConsoleOptions.Section}:BoardUpdatesPerSecond: {options.BoardUpdatesPerSecond} is out of range (greater than 0 and at most 20)");
        }

        if (options.TraceUrl is { Length: > 0 } url && (!url.Contains("{traceId}", StringComparison.Ordinal) || !Uri.TryCreate(url.Replace("{traceId}", "0", StringComparison.Ordinal), UriKind.Absolute, out _)))
        {
            problems.Add($"{ConsoleOptions.Section}:TraceUrl: '{url}' must be an absolute URL with {{traceId}} in it");
        }

        if (options.Token is { } token && token.Length is > 0 and < 16)
        {
            // The value itself is never echoed.
            problems.Add($"{ConsoleOptions.Section}:Token: too short ({token.Length} characters); use at least 16");
        }

        foreach (var host in ConsoleHosts.Configured(options.AllowedHosts).Where(h => !ConsoleHosts.IsHost(h)))
        {
            problems.Add($"{ConsoleOptions.Section}:AllowedHosts: '{host}' is not a host name or address (no scheme, port or wildcard; ';' between hosts)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>What the console shows: the run's name, its period (the end is unknown when
/// attached), the desks a person leads at the start, and the facilitator's cards.</summary>
public sealed record ConsoleRun(string Name, DateTimeOffset? Start, DateTimeOffset? End, IReadOnlyList<string> HumanDesks, IReadOnlyList<Domain.Scenarios.RehearsalCard>? Cards = null);
