using Malaysia.Ops.Clock;
using Microsoft.Extensions.Options;
using DomainRoster = Malaysia.Ops.Domain.Rosters.Roster;

namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Which desks are down: silent (no report from their process) for longer than
/// "Dispatch:DeskSilenceSeconds" of wall time. Every desk of the roster counts as heard when
/// dispatch starts, so a restarted dispatch gives the desks the same grace. On a virtual-time
/// run (every desk in the simulator's process) and with the limit at 0, no desk is ever down.
/// A desk dark in an outage, stopped from the console or whose lead walked away without a
/// briefing still reports in: it is quiet, not down, and keeps its work.
/// Wall time only; what dispatch decides from it is stored with the shift-clock move that used
/// it, so a replay decides the same.
/// </summary>
public sealed class DeskLiveness
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> lastHeard = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider wall;
    private readonly TimeSpan? silenceLimit;

    public DeskLiveness(DomainRoster roster, SimulationClock clock, IOptions<DispatchOptions> options)
    {
        wall = clock.Wall;
        silenceLimit = clock.IsVirtual || options.Value.DeskSilenceSeconds <= 0 ? null : TimeSpan.FromSeconds(options.Value.DeskSilenceSeconds);
        var now = wall.GetUtcNow();
        foreach (var desk in roster.Desks)
        {
            lastHeard[desk.DeskId] = now;
        }
    }

    /// <summary>The desk's process reported in.</summary>
    public void Heard(string? deskId)
    {
        if (string.IsNullOrWhiteSpace(deskId))
        {
            return;
        }

        lock (gate)
        {
            lastHeard[deskId] = wall.GetUtcNow();
        }
    }

    /// <summary>The desks silent past the limit now, in id order. Only while some other desk is
    /// heard from: when every desk is silent, the broker (or dispatch's own connection) is the
    /// likelier fault, and taking work from desks that may still hold it would get it done twice.</summary>
    public IReadOnlyList<string> Down()
    {
        if (silenceLimit is not { } limit)
        {
            return [];
        }

        var now = wall.GetUtcNow();
        lock (gate)
        {
            var silent = lastHeard.Where(d => now - d.Value > limit).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
            return silent.Count < lastHeard.Count ? silent : [];
        }
    }
}
