using System.Globalization;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// Sets up a run's virtual host on a test broker the way a deployment does, through the deploy
/// script's own grant-services (the same definitions as run-local.sh, Compose and Kubernetes),
/// and adds the tests' witness: a user of their own that may read everything and write only to
/// server-named queues, so it can watch and drain but publishes nothing a service would take.
/// </summary>
internal sealed class TestBrokerUsers(Func<string, IDictionary<string, string>?, Task> script)
{
    public const string WitnessUser = "ops-test-witness";

    private readonly Lock gate = new();
    private readonly string witnessPassword = ServiceUsers.RandomPassword();
    private Task? witnessCreated;

    public async Task<OperationVirtualHost> CreateAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        var users = ServiceUsers.Generate();
        await script($"grant-services {name}", users.PasswordVariables());
        await EnsureWitnessAsync();

        // Configure on the operation's exchanges too: a witness may start before the service
        // that declares the exchange it watches, and declares it the same way.
        await script(
            string.Create(CultureInfo.InvariantCulture, $"ctl set_permissions -p {name} {WitnessUser} ^(amq\\.gen-.*|Malaysia\\.Ops\\.Contracts:.*)$ ^amq\\.gen-.*$ .*"),
            null);
        return new OperationVirtualHost(name, users, new BrokerLogin(WitnessUser, witnessPassword));
    }

    private Task EnsureWitnessAsync()
    {
        lock (gate)
        {
            return witnessCreated ??= script(
                $"add-user {WitnessUser}",
                new Dictionary<string, string> { ["OPS_BROKER_PASSWORD_OPS_TEST_WITNESS"] = witnessPassword });
        }
    }
}
