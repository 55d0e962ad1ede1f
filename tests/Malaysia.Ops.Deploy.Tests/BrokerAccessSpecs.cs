using System.Text.Json;

namespace Malaysia.Ops.Deploy.Tests;

/// <summary>The broker access every deploy path gives the services, checked without a broker:
/// the committed definitions hold no password, and the Kubernetes Vhost, User and Permission
/// resources and the compose stack grant exactly what the definitions grant.</summary>
public sealed class BrokerAccessSpecs
{
    private const string Definitions = "deploy/rabbitmq/definitions.json";

    private static readonly string[] ServiceUsers = ["workload", "dispatch", "desk-us", "desk-my", "console"];

    private static Dictionary<string, (string Configure, string Write, string Read)> DefinedPermissions()
    {
        using var definitions = DeployFiles.Json(Definitions);
        return definitions.RootElement.GetProperty("permissions").EnumerateArray().ToDictionary(
            p => p.GetProperty("user").GetString()!,
            p => (p.GetProperty("configure").GetString()!, p.GetProperty("write").GetString()!, p.GetProperty("read").GetString()!));
    }

    [Fact]
    public void The_definitions_declare_the_vhost_and_one_user_per_service_with_no_password()
    {
        using var definitions = DeployFiles.Json(Definitions);
        var root = definitions.RootElement;

        Assert.Equal(["malaysia-ops"], root.GetProperty("vhosts").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        var users = root.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(ServiceUsers.Order(), users.Select(u => u.GetProperty("name").GetString()!).Order());
        Assert.All(users, user =>
        {
            Assert.Equal(string.Empty, user.GetProperty("password_hash").GetString());
            Assert.False(user.TryGetProperty("password", out _));
            Assert.Empty(user.GetProperty("tags").EnumerateArray());
        });

        // render-definitions.sh edits each user on its own line.
        var lines = File.ReadAllLines(DeployFiles.PathOf(Definitions));
        Assert.All(ServiceUsers, user => Assert.Single(lines, l => l.TrimStart().StartsWith($"{{ \"name\": \"{user}\", \"password_hash\": \"\", ", StringComparison.Ordinal)));

        Assert.All(root.GetProperty("permissions").EnumerateArray(), p => Assert.Equal("malaysia-ops", p.GetProperty("vhost").GetString()));
        Assert.Equal(ServiceUsers.Order(), DefinedPermissions().Keys.Order());
    }

    [Fact]
    public void Every_permission_is_anchored_and_no_user_may_touch_everything()
    {
        Assert.All(DefinedPermissions(), p =>
        {
            foreach (var regex in new[] { p.Value.Configure, p.Value.Write, p.Value.Read })
            {
                Assert.StartsWith("^", regex, StringComparison.Ordinal);
                Assert.EndsWith("$", regex, StringComparison.Ordinal);
                Assert.DoesNotContain(".*", regex, StringComparison.Ordinal);
            }
        });
    }

    [Theory]
    [InlineData("workload")]
    [InlineData("dispatch")]
    [InlineData("desk-us")]
    [InlineData("desk-my")]
    [InlineData("console")]
    public void Kubernetes_gives_each_service_its_own_user_with_the_permissions_of_the_definitions(string service)
    {
        var manifests = KubernetesManifestSpecs.Manifests();
        var userName = $"malaysia-ops-{service}";
        var user = manifests.Single(m => (string)m["kind"] == "User" && (string)m.Map("metadata")["name"] == userName);
        Assert.Equal("malaysia-ops-rabbitmq", user.Map("spec").Map("rabbitmqClusterReference")["name"]);
        Assert.False(user.Map("spec").ContainsKey("importCredentialsSecret"));

        var permission = manifests.Single(m => (string)m["kind"] == "Permission" && (string)m.Map("spec").Map("userReference")["name"] == userName);
        var settings = manifests.Single(m => (string)m["kind"] == "ConfigMap").Map("data");
        Assert.Equal(settings["RabbitMq__VirtualHost"], permission.Map("spec")["vhost"]);
        Assert.Contains(manifests, m => (string)m["kind"] == "Vhost" && (string)m.Map("spec")["name"] == (string)settings["RabbitMq__VirtualHost"]);
        var granted = permission.Map("spec").Map("permissions");
        var defined = DefinedPermissions()[service];
        Assert.Equal(defined.Configure, granted["configure"]);
        Assert.Equal(defined.Write, granted["write"]);
        Assert.Equal(defined.Read, granted["read"]);

        // The operator writes the generated credentials to "<User name>-user-credentials".
        var secrets = KubernetesManifestSpecs.Container(service).List("env").Cast<Dictionary<object, object>>()
            .Where(e => e.ContainsKey("valueFrom") && ((string)e["name"]).StartsWith("RabbitMq__", StringComparison.Ordinal))
            .Select(e => (string)e.Map("valueFrom").Map("secretKeyRef")["name"]);
        Assert.All(secrets, secret => Assert.Equal($"{userName}-user-credentials", secret));
    }

    [Fact]
    public void A_desk_may_bind_only_its_own_assignments_and_Kubernetes_grants_the_same_routing_keys()
    {
        using var definitions = DeployFiles.Json(Definitions);
        var defined = definitions.RootElement.GetProperty("topic_permissions").EnumerateArray()
            .ToDictionary(t => t.GetProperty("user").GetString()!, t => (Exchange: t.GetProperty("exchange").GetString(), Write: t.GetProperty("write").GetString(), Read: t.GetProperty("read").GetString()));
        Assert.Equal(("Malaysia.Ops.Contracts:IncidentAssignedToDesk", ".*", "^us$"), defined["desk-us"]);
        Assert.Equal(("Malaysia.Ops.Contracts:IncidentAssignedToDesk", ".*", "^my$"), defined["desk-my"]);

        var granted = KubernetesManifestSpecs.Manifests()
            .Where(m => (string)m["kind"] == "TopicPermission")
            .ToDictionary(
                m => ((string)m.Map("spec").Map("userReference")["name"])["malaysia-ops-".Length..],
                m => m.Map("spec").Map("permissions") is var p ? ((string?)p["exchange"], (string?)p["write"], (string?)p["read"]) : default);
        Assert.Equal(defined.OrderBy(d => d.Key), granted.OrderBy(g => g.Key));
    }

    [Theory]
    [InlineData("dispatch", "BrokerUsers__Console:console", "BrokerUsers__Desks__us:desk-us", "BrokerUsers__Desks__my:desk-my")]
    [InlineData("desk-us", "BrokerUsers__Dispatch:dispatch", "BrokerUsers__Console:console", "BrokerUsers__Desks__us:desk-us", "BrokerUsers__Desks__my:desk-my")]
    [InlineData("desk-my", "BrokerUsers__Dispatch:dispatch", "BrokerUsers__Console:console", "BrokerUsers__Desks__us:desk-us", "BrokerUsers__Desks__my:desk-my")]
    public void In_Kubernetes_a_service_knows_the_generated_user_names_of_those_it_takes_messages_from(string service, params string[] settings)
    {
        // The operator generates each user's name as well as its password, so no default holds.
        var env = KubernetesManifestSpecs.Container(service).List("env").Cast<Dictionary<object, object>>()
            .Where(e => ((string)e["name"]).StartsWith("BrokerUsers__", StringComparison.Ordinal))
            .ToDictionary(e => (string)e["name"], e => e.Map("valueFrom").Map("secretKeyRef") is var key ? $"{key["name"]}/{key["key"]}" : string.Empty);
        var expected = settings.Select(s => s.Split(':')).ToDictionary(p => p[0], p => $"malaysia-ops-{p[1]}-user-credentials/username");
        Assert.Equal(expected.OrderBy(e => e.Key), env.OrderBy(e => e.Key));
    }

    [Fact]
    public void Compose_loads_the_definitions_and_gives_each_service_its_own_user_and_password()
    {
        var compose = DeployFiles.Yaml("docker-compose.yml");
        var services = compose.Map("services");
        var broker = services.Map("rabbitmq");
        var volumes = broker.List("volumes").Cast<string>().ToList();
        Assert.Contains(volumes, v => v.StartsWith("./deploy/rabbitmq/definitions.json:", StringComparison.Ordinal) && v.EndsWith(":ro", StringComparison.Ordinal));
        Assert.Contains(volumes, v => v.StartsWith("./deploy/rabbitmq/render-definitions.sh:", StringComparison.Ordinal));
        Assert.Contains(volumes, v => v.StartsWith("./deploy/rabbitmq/conf.d/30-definitions.conf:", StringComparison.Ordinal));

        var example = File.ReadAllLines(DeployFiles.PathOf(".env.example"));
        foreach (var service in ServiceUsers)
        {
            var variable = $"OPS_BROKER_PASSWORD_{service.ToUpperInvariant().Replace('-', '_')}";
            var environment = services.Map(service).Map("environment");
            Assert.Equal(service, environment["RabbitMq__Username"]);
            Assert.Equal($"${{{variable}:?set {variable} in .env or the environment}}", environment["RabbitMq__Password"]);
            Assert.Equal($"${{{variable}:?set {variable} in .env or the environment}}", broker.Map("environment")[variable]);
            Assert.Contains($"{variable}=", example);
        }
    }
}
