using System.Globalization;
using Malaysia.Ops.Domain.Ledger;

namespace Malaysia.Ops.Integration.Tests;

/// <summary>
/// One run of the operation as separate processes on the test broker, in a virtual host and a
/// work folder of its own, each service connecting as its own broker user with the permissions
/// deploy/rabbitmq/definitions.json gives it: the settings every service shares, the services started in the
/// order the operation needs (desks, so their queues are bound before anything is routed;
/// dispatch, which owns the clock, writes the ledger snapshot and keeps its ledger store; the
/// workload last), and everything removed again at the end.
/// </summary>
internal sealed class OperationProcesses : IAsyncDisposable
{
    private readonly ITestBroker broker;
    private readonly List<ServiceProcess> services = [];
    private readonly Dictionary<string, string> common;
    private readonly Func<string, IDictionary<string, string>>? perService;

    private OperationProcesses(
        ITestBroker broker,
        OperationVirtualHost virtualHost,
        string workFolder,
        DateTimeOffset epoch,
        Dictionary<string, string> common,
        Func<string, IDictionary<string, string>>? perService)
    {
        this.broker = broker;
        VirtualHost = virtualHost.Name;
        Epoch = epoch;
        Users = virtualHost.Users;
        Witness = new BrokerAccess(broker.AmqpPort, virtualHost.Name, virtualHost.Witness);
        WorkFolder = workFolder;
        this.common = common;
        this.perService = perService;
    }

    public string VirtualHost { get; }

    /// <summary>The simulated moment the run starts at.</summary>
    public DateTimeOffset Epoch { get; }

    /// <summary>The services' broker users on this run's virtual host.</summary>
    public ServiceUsers Users { get; }

    /// <summary>How the tests' own witnesses reach this run: read anything, publish nothing a service takes.</summary>
    public BrokerAccess Witness { get; }

    /// <summary>How a client of ours reaches this run as service user <paramref name="user"/>.</summary>
    public BrokerAccess As(string user) => Witness with { Login = Users.LoginOf(user) };

    public string WorkFolder { get; }

    /// <summary>Where dispatch writes its ledger snapshot (read with <see cref="LedgerSnapshotFile"/>).</summary>
    public string SnapshotPath => Path.Combine(WorkFolder, "ledger.json");

    /// <summary>Dispatch's ledger store, kept across a restart of dispatch.</summary>
    public string StorePath => Path.Combine(WorkFolder, "dispatch-ledger.db");

    public IReadOnlyList<ServiceProcess> Services => services;

    /// <param name="perService">Settings of one service's own, by project (its trace file).</param>
    public static async Task<OperationProcesses> CreateAsync(
        ITestBroker broker,
        string name,
        DateTimeOffset epoch,
        double speed,
        int seed = 42,
        IDictionary<string, string>? settings = null,
        Func<string, IDictionary<string, string>>? perService = null)
    {
        var virtualHost = await broker.CreateOperationVirtualHostAsync(name);
        var workFolder = Directory.CreateTempSubdirectory($"malaysia-ops-{name}-").FullName;
        var common = new Dictionary<string, string>
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["RabbitMq__Host"] = "127.0.0.1",
            ["RabbitMq__Port"] = broker.AmqpPort.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = virtualHost.Name,
            ["Simulation__RunId"] = virtualHost.Name,
            ["Simulation__Epoch"] = epoch.ToString("O", CultureInfo.InvariantCulture),
            ["Simulation__Speed"] = speed.ToString(CultureInfo.InvariantCulture),
            ["Simulation__Seed"] = seed.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in broker.ServiceSettings.Concat(settings ?? new Dictionary<string, string>()))
        {
            common[key] = value;
        }

        return new OperationProcesses(broker, virtualHost, workFolder, epoch, common, perService);
    }

    /// <summary>A run early in a Malaysian morning at 60x whose workload adds a constant
    /// synthetic load of <paramref name="rate"/> incidents per second for <paramref name="seconds"/>,
    /// reporting its figures every 2 s.</summary>
    public static Task<OperationProcesses> CreateWithSyntheticLoadAsync(ITestBroker broker, string name, int rate, int seconds) => CreateAsync(
        broker,
        name,
        new DateTimeOffset(2026, 7, 13, 2, 0, 0, TimeSpan.Zero),
        speed: 60,
        settings: new Dictionary<string, string>
        {
            ["Workload__Load__Rate"] = rate.ToString(CultureInfo.InvariantCulture),
            ["Workload__Load__Seconds"] = seconds.ToString(CultureInfo.InvariantCulture),
            ["Workload__Load__ReportSeconds"] = "2",
        });

    /// <summary>Starts a service with the shared settings, <paramref name="settings"/> on top.</summary>
    public ServiceProcess Start(string project, IDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(common);
        foreach (var (key, value) in Users.EnvironmentOf(project).Concat(perService?.Invoke(project) ?? new Dictionary<string, string>()).Concat(settings ?? new Dictionary<string, string>()))
        {
            environment[key] = value;
        }

        var service = ServiceProcess.Start(project, environment);
        services.Add(service);
        return service;
    }

    /// <summary>Starts a service and waits until it is ready.</summary>
    public async Task<ServiceProcess> StartReadyAsync(string project, IDictionary<string, string>? settings = null)
    {
        var service = Start(project, settings);
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return service;
    }

    public async Task<(ServiceProcess Us, ServiceProcess My)> StartDesksAsync()
    {
        var us = Start("Malaysia.Ops.Desk.UnitedStates.Worker");
        var my = Start("Malaysia.Ops.Desk.Malaysia.Worker");
        await Task.WhenAll(us.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), my.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));
        return (us, my);
    }

    /// <summary>Dispatch, writing its snapshot twice a wall second and keeping its store in
    /// the work folder.</summary>
    public Task<ServiceProcess> StartDispatchAsync(IDictionary<string, string>? settings = null)
    {
        var dispatch = new Dictionary<string, string>
        {
            ["Dispatch__LedgerSnapshotPath"] = SnapshotPath,
            ["Dispatch__SnapshotIntervalSeconds"] = "0.5",
            ["Dispatch__LedgerStorePath"] = StorePath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            dispatch[key] = value;
        }

        return StartReadyAsync("Malaysia.Ops.Dispatch.Worker", dispatch);
    }

    public Task<ServiceProcess> StartWorkloadAsync(double incidentsPerHour) =>
        StartReadyAsync("Malaysia.Ops.Workload.Worker", new Dictionary<string, string> { ["Workload__IncidentsPerHour"] = incidentsPerHour.ToString(CultureInfo.InvariantCulture) });

    public LedgerSnapshot ReadSnapshot() => LedgerSnapshotFile.Read(SnapshotPath);

    /// <summary>Waits until dispatch's snapshot meets <paramref name="condition"/>.</summary>
    public Task<LedgerSnapshot> WaitForSnapshotAsync(Func<LedgerSnapshot, bool> condition, string what, TimeSpan timeout) =>
        LedgerSnapshotFile.WaitAsync(SnapshotPath, condition, what, timeout, services);

    /// <summary>Waits for a moment mid-shift in Kuala Lumpur (the MY desk's shift runs 00:00 to 12:00 UTC), one to
    /// three simulated hours after the incidents start, drawn from <paramref name="seed"/>; returns that moment and
    /// how many open incidents the MY desk held at it.</summary>
    public async Task<(DateTimeOffset At, int HeldByMy)> WaitForMidShiftInKualaLumpurAsync(int seed)
    {
        var started = ReadSnapshot().SimulatedAt;
        Assert.True(started < Epoch.AddHours(7), $"the run was at {started:HH:mm} before the workload was up; too late for a mid-shift kill");
        var at = started.AddMinutes(new Random(seed).Next(60, 180));
        var snapshot = await WaitForSnapshotAsync(s => s.SimulatedAt >= at, $"the simulated time {at:HH:mm}", TimeSpan.FromMinutes(2));
        return (at, snapshot.Incidents.Count(i => i.Status == IncidentStatus.Open && i.OwnerDeskId == "my"));
    }

    /// <summary>Waits until the noon handoff from the MY desk to the US desk is past its briefing.</summary>
    public Task<LedgerSnapshot> WaitForNoonHandoffAsync() => WaitForSnapshotAsync(
        s => s.Handoffs.Any(h => h.Direction == "my->us" && h.Status != HandoffStatus.AwaitingBriefing && h.Status != HandoffStatus.Briefed),
        "the noon handoff",
        TimeSpan.FromMinutes(3));

    public async ValueTask DisposeAsync()
    {
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }

        await broker.DeleteVirtualHostAsync(VirtualHost);
        Directory.Delete(WorkFolder, recursive: true);
    }
}
