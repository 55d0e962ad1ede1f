namespace Malaysia.Ops.Integration.Tests;

/// <summary>The broker user each service runs as, and its password on the test node.</summary>
public sealed class ServiceUsers(IReadOnlyDictionary<string, string> passwordsByVariable)
{
    /// <summary>The broker user of a service project, as named in deploy/rabbitmq/definitions.json.</summary>
    public static string UserOf(string project) => project switch
    {
        "Malaysia.Ops.Workload.Worker" => "workload",
        "Malaysia.Ops.Dispatch.Worker" => "dispatch",
        "Malaysia.Ops.Desk.Us.Worker" => "desk-us",
        "Malaysia.Ops.Desk.My.Worker" => "desk-my",
        "Malaysia.Ops.OperationsConsole" => "console",
        _ => throw new ArgumentOutOfRangeException(nameof(project), project, "no broker user for this project"),
    };

    public string Password(string user) =>
        passwordsByVariable[$"OPS_BROKER_PASSWORD_{user.ToUpperInvariant().Replace('-', '_')}"];

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
