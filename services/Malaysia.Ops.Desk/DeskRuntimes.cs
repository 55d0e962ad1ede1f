using System.Collections.Concurrent;
using Malaysia.Ops.Domain.Clock;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Desk;

/// <summary>The desks running in this process (one in a desk service, all of them in the
/// simulator), each created once and shared by its consumer and its work loop.</summary>
public sealed class DeskRuntimes(SimulationClock clock, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, DeskRuntime> desks = new(StringComparer.OrdinalIgnoreCase);

    public DeskRuntime Get(string deskId, Func<DeskOptions> options) =>
        desks.GetOrAdd(deskId, id => new DeskRuntime(options(), clock, loggers.CreateLogger($"Malaysia.Ops.Desk.{id}")));

    public IReadOnlyCollection<DeskRuntime> All => desks.Values.ToList();
}
