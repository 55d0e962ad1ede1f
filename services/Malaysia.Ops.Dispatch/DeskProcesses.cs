namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Which desks report from two processes alive at the same time. A desk is one team's model in
/// one process: two replicas consuming one desk's queue would each hold part of its work, and
/// each start would make dispatch give the desk's open work out again. Nothing in the messages
/// stops that from happening (a second replica in Kubernetes is one setting away), so dispatch
/// says so. A restart is not two processes: the old one's reports all precede the new one's
/// first, in the times they were sent, whatever order they are consumed in.
/// </summary>
public sealed class DeskProcesses
{
    // Two machines' clocks differ a little; reports this close are not taken as overlapping.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(2);

    // A process not heard from for this long has ended, and is forgotten.
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(10);

    private readonly Lock gate = new();
    private readonly Dictionary<(string Desk, Guid Instance), (DateTimeOffset First, DateTimeOffset Last)> lives = [];
    private readonly HashSet<(string Desk, Guid Earlier, Guid Later)> said = [];

    /// <summary>Records a report the desk's process <paramref name="instance"/> sent at
    /// <paramref name="sentAt"/> (wall). Returns another process of the same desk alive at the
    /// same time, the first time the two are seen to overlap; otherwise null. Reports without
    /// a process (from before desks named theirs) are not counted.</summary>
    public Guid? SecondLiveProcess(string deskId, Guid instance, DateTimeOffset sentAt)
    {
        if (instance == Guid.Empty || string.IsNullOrWhiteSpace(deskId))
        {
            return null;
        }

        var desk = deskId.ToLowerInvariant();
        lock (gate)
        {
            var life = lives.TryGetValue((desk, instance), out var known)
                ? (First: Min(known.First, sentAt), Last: Max(known.Last, sentAt))
                : (First: sentAt, Last: sentAt);
            lives[(desk, instance)] = life;

            foreach (var ended in lives.Where(l => sentAt - l.Value.Last > ForgetAfter).Select(l => l.Key).ToList())
            {
                lives.Remove(ended);
            }

            foreach (var ((otherDesk, other), otherLife) in lives)
            {
                if (otherDesk != desk || other == instance || !Overlap(life, otherLife))
                {
                    continue;
                }

                var pair = otherLife.First <= life.First ? (desk, other, instance) : (desk, instance, other);
                if (said.Add(pair))
                {
                    return other;
                }
            }

            return null;
        }
    }

    private static bool Overlap((DateTimeOffset First, DateTimeOffset Last) a, (DateTimeOffset First, DateTimeOffset Last) b) =>
        a.Last > b.First + ClockTolerance && b.Last > a.First + ClockTolerance;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
