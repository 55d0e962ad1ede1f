using System.Security.Cryptography;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>The broker user each service runs as, and its password on the test broker.</summary>
public sealed class ServiceUsers
{
    /// <summary>The service users deploy/rabbitmq/definitions.json declares.</summary>
    public static readonly IReadOnlyList<string> All = ["workload", "dispatch", "desk-us", "desk-my", "console"];

    private readonly IReadOnlyDictionary<string, string> passwords;

    private ServiceUsers(IReadOnlyDictionary<string, string> passwords) => this.passwords = passwords;

    /// <summary>A fresh password for every service user.</summary>
    public static ServiceUsers Generate() => new(All.ToDictionary(user => user, _ => RandomPassword(), StringComparer.Ordinal));

    public static string RandomPassword() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);

    /// <summary>The broker user of a service project, as named in deploy/rabbitmq/definitions.json.</summary>
    public static string UserOf(string project) => project switch
    {
        "Malaysia.Ops.Workload.Worker" => "workload",
        "Malaysia.Ops.Dispatch.Worker" => "dispatch",
        "Malaysia.Ops.Desk.UnitedStates.Worker" => "desk-us",
        "Malaysia.Ops.Desk.Malaysia.Worker" => "desk-my",
        "Malaysia.Ops.OperationsConsole" => "console",
        _ => throw new ArgumentOutOfRangeException(nameof(project), project, "no broker user for this project"),
    };

    public string Password(string user) => passwords[user];

    public BrokerLogin LoginOf(string user) => new(user, Password(user));

    /// <summary>What the deploy scripts read the passwords from (OPS_BROKER_PASSWORD_DESK_US for
    /// desk-us), so the test broker's users get these ones.</summary>
    public Dictionary<string, string> PasswordVariables() =>
        passwords.ToDictionary(pair => $"OPS_BROKER_PASSWORD_{pair.Key.ToUpperInvariant().Replace('-', '_')}", pair => pair.Value, StringComparer.Ordinal);

    /// <summary>The settings that make a service process connect as its own user.</summary>
    public Dictionary<string, string> EnvironmentOf(string project)
    {
        var user = UserOf(project);
        return new Dictionary<string, string>
        {
            ["RabbitMq__Username"] = user,
            ["RabbitMq__Password"] = Password(user),
        };
    }
}
