namespace Malaysia.Ops.Deploy.Tests;

/// <summary>The Kubernetes manifests, checked without a cluster: every service is deployed with
/// the probes its health endpoints answer, its settings and its own broker user's secret,
/// and the kustomization applies every manifest.</summary>
public sealed class KubernetesManifestSpecs
{
    private const string Folder = "deploy/kubernetes";

    private static readonly string[] Services = ["dispatch", "desk-us", "desk-my", "workload"];

    internal static List<Dictionary<object, object>> Manifests() =>
        Directory.GetFiles(DeployFiles.PathOf(Folder), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => DeployFiles.YamlDocuments(Path.GetRelativePath(DeployFiles.Root, f)))
            .ToList();

    private static Dictionary<object, object> Deployment(string name) =>
        Manifests().Single(m => (string)m["kind"] == "Deployment" && (string)m.Map("metadata")["name"] == name);

    internal static Dictionary<object, object> Container(string name) =>
        (Dictionary<object, object>)Deployment(name).Map("spec").Map("template").Map("spec").List("containers").Single();

    [Fact]
    public void The_kustomization_applies_every_manifest_in_the_folder()
    {
        var listed = DeployFiles.Yaml($"{Folder}/kustomization.yaml").List("resources").Cast<string>().Order();
        var present = Directory.GetFiles(DeployFiles.PathOf(Folder), "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order();

        Assert.Equal(present, listed);
    }

    [Theory]
    [InlineData("dispatch")]
    [InlineData("desk-us")]
    [InlineData("desk-my")]
    [InlineData("workload")]
    public void Each_service_is_probed_on_its_health_endpoints_and_configured_from_the_settings_and_its_own_broker_user_secret(string service)
    {
        var container = Container(service);

        Assert.Equal($"malaysia-ops/{service}", container["image"]);
        Assert.Equal("/health/ready", container.Map("readinessProbe").Map("httpGet")["path"]);
        Assert.Equal("/health/live", container.Map("livenessProbe").Map("httpGet")["path"]);
        Assert.Equal("8080", ((Dictionary<object, object>)container.List("ports").Single())["containerPort"]);

        var configMap = (string)((Dictionary<object, object>)container.List("envFrom").Single()).Map("configMapRef")["name"];
        var settings = Manifests().Single(m => (string)m["kind"] == "ConfigMap" && (string)m.Map("metadata")["name"] == configMap).Map("data");
        Assert.Equal("RabbitMq", settings["Messaging__Transport"]);
        Assert.Equal("8080", settings["ASPNETCORE_HTTP_PORTS"]);

        var cluster = Manifests().Single(m => (string)m["kind"] == "RabbitmqCluster");
        Assert.Equal((string)cluster.Map("metadata")["name"], settings["RabbitMq__Host"]);
        // Its own connection's credentials (the user names of others it takes messages from
        // are BrokerAccessSpecs' concern).
        var secrets = container.List("env").Cast<Dictionary<object, object>>()
            .Where(e => e.ContainsKey("valueFrom") && ((string)e["name"]).StartsWith("RabbitMq__", StringComparison.Ordinal))
            .ToDictionary(e => (string)e["name"], e => (string)e.Map("valueFrom").Map("secretKeyRef")["name"]);
        Assert.Equal(["RabbitMq__Password", "RabbitMq__Username"], secrets.Keys.Order());
        Assert.All(secrets.Values, secret => Assert.Equal($"malaysia-ops-{service}-user-credentials", secret));
    }

    [Fact]
    public void The_desks_are_told_which_roster_desk_they_are_and_the_broker_has_three_nodes()
    {
        string DeskId(string service) => (string)Container(service).List("env").Cast<Dictionary<object, object>>().Single(e => (string)e["name"] == "Desk__Id")["value"];

        Assert.Equal("us", DeskId("desk-us"));
        Assert.Equal("my", DeskId("desk-my"));
        Assert.Equal("3", Manifests().Single(m => (string)m["kind"] == "RabbitmqCluster").Map("spec")["replicas"]);
        Assert.All(Services, s => Assert.NotNull(Deployment(s)));
    }

    [Theory]
    [InlineData("dispatch")]
    [InlineData("workload")]
    public void A_service_that_must_run_as_one_process_is_replaced_not_rolled_so_two_never_run_at_once(string service)
    {
        var spec = Deployment(service).Map("spec");

        Assert.Equal("1", spec["replicas"]);
        Assert.Equal("Recreate", spec.Map("strategy")["type"]);
    }

    [Theory]
    [InlineData("desk-us")]
    [InlineData("desk-my")]
    public void A_desk_runs_an_active_process_and_a_hot_standby_on_two_nodes_and_is_rolled_with_a_standby_always_up(string service)
    {
        var spec = Deployment(service).Map("spec");
        var rolling = spec.Map("strategy").Map("rollingUpdate");
        var spread = (Dictionary<object, object>)spec.Map("template").Map("spec").Map("affinity").Map("podAntiAffinity")
            .List("preferredDuringSchedulingIgnoredDuringExecution").Single();

        var hotStandby = Container(service).List("env").Cast<Dictionary<object, object>>().Single(e => (string)e["name"] == "Desk__HotStandby");

        Assert.Equal("true", hotStandby["value"]);
        Assert.Equal("2", spec["replicas"]);
        Assert.Equal("RollingUpdate", spec.Map("strategy")["type"]);
        Assert.Equal("1", rolling["maxSurge"]);
        Assert.Equal("0", rolling["maxUnavailable"]);
        Assert.Equal("kubernetes.io/hostname", spread.Map("podAffinityTerm")["topologyKey"]);
        Assert.Equal(service, spread.Map("podAffinityTerm").Map("labelSelector").Map("matchLabels")["app.kubernetes.io/name"]);
    }

    [Theory]
    [InlineData("dispatch")]
    [InlineData("desk-us")]
    [InlineData("desk-my")]
    public void A_service_that_holds_every_open_incident_has_room_for_the_load_demo(string service)
    {
        // Measured peak resident memory under the load demo: 290-365 MB (docs/performance.md, "A load demo").
        var limits = Container(service).Map("resources").Map("limits");

        Assert.Equal("512Mi", limits["memory"]);
    }

    [Fact]
    public void The_console_attaches_to_the_run_with_its_token_from_a_secret_and_is_reachable_inside_the_cluster()
    {
        var container = Container("console");
        var env = container.List("env").Cast<Dictionary<object, object>>().ToDictionary(e => (string)e["name"]);

        Assert.Equal("malaysia-ops/console", container["image"]);
        Assert.Equal("/health/ready", container.Map("readinessProbe").Map("httpGet")["path"]);
        Assert.Equal("/health/live", container.Map("livenessProbe").Map("httpGet")["path"]);
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            var host = (Dictionary<object, object>)container.Map(probe).Map("httpGet").List("httpHeaders").Single();
            Assert.Equal(("Host", "localhost"), ((string)host["name"], (string)host["value"]));
        }

        Assert.Equal("Attached", env["Console__Mode"]["value"]);
        Assert.Equal("malaysia-ops-console", env["Console__Token"].Map("valueFrom").Map("secretKeyRef")["name"]);
        Assert.Equal("malaysia-ops-console-user-credentials", env["RabbitMq__Password"].Map("valueFrom").Map("secretKeyRef")["name"]);
        Assert.Equal("malaysia-ops-console-user-credentials", env["RabbitMq__Username"].Map("valueFrom").Map("secretKeyRef")["name"]);
        var service = Manifests().Single(m => (string)m["kind"] == "Service" && (string)m.Map("metadata")["name"] == "console");
        Assert.Equal("console", service.Map("spec").Map("selector")["app.kubernetes.io/name"]);
        Assert.Equal("http", ((Dictionary<object, object>)service.Map("spec").List("ports").Single())["targetPort"]);
    }
}
