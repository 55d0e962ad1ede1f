using System.Collections.Concurrent;
using Malaysia.Ops.Clock;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Desk;

/// <summary>The desks running in this process (one in a desk service, all of them in the
/// simulator), each created once and shared by its consumer and its work loop.</summary>
public sealed class DeskRuntimes
{
    private readonly ConcurrentDictionary<string, DeskRuntime> desks = new(StringComparer.OrdinalIgnoreCase);
    private readonly SimulationClock clock;
    private readonly ILoggerFactory loggers;
    private readonly int seed;

    public DeskRuntimes(SimulationClock clock, ILoggerFactory loggers, OpsMetrics metrics, IOptions<SimulationOptions> simulation)
    {
        this.clock = clock;
        this.loggers = loggers;
        seed = simulation.Value.Seed;
        metrics.ObserveOpenIncidents(() => desks.Values.Select(d => (d.DeskId, d.OpenCount)));
    }

    public DeskRuntime Get(string deskId, Func<DeskOptions> options) =>
        desks.GetOrAdd(deskId, id => new DeskRuntime(options(), clock, seed, loggers.CreateLogger($"Malaysia.Ops.Desk.{id}")));

    public IReadOnlyCollection<DeskRuntime> All => desks.Values.ToList();
}
