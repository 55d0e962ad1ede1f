using System.Collections.Concurrent;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Desk;

/// <summary>The desks running in this process (one in a desk service, all of them in the
/// simulator), each created once and shared by its consumer, its clock loop and its heartbeat.</summary>
public sealed class DeskRegistry
{
    private readonly ConcurrentDictionary<string, DeskProcess> desks = new(StringComparer.OrdinalIgnoreCase);
    private readonly SimulationClock clock;
    private readonly ILoggerFactory loggers;
    private readonly int seed;

    public DeskRegistry(SimulationClock clock, ILoggerFactory loggers, OpsMetrics metrics, IOptions<SimulationOptions> simulation)
    {
        this.clock = clock;
        this.loggers = loggers;
        seed = simulation.Value.Seed;
        metrics.ObserveOpenIncidents(() => desks.Values.Select(d => (d.DeskId, d.OpenCount)));
    }

    public DeskProcess Get(string deskId, Func<DeskOptions> options) =>
        desks.GetOrAdd(deskId, id => new DeskProcess(options(), clock, seed, loggers.CreateLogger($"Malaysia.Ops.Desk.{id}")));

    public IReadOnlyCollection<DeskProcess> All => desks.Values.ToList();
}
