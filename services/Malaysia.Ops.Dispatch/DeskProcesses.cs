using static Malaysia.Ops.Domain.Instants;
namespace Malaysia.Ops.Dispatch;

/// <summary>
/// Which desks report from two processes alive at the same time. A desk is one team's model in
/// one active process: its replicas are hot standbys on its queue, which has a single active
/// consumer, and a standby says nothing until the broker makes it the active one. Two processes
/// reporting at once are therefore two active ones (processes run without "Desk:HotStandby", or
/// one that lost the queue to a standby and carried on): each holds part of
/// the desk's work, and each start makes dispatch give the desk's open work out again, so
/// dispatch says so. A restart or a failover is not two processes: the old one's reports all
/// precede the new one's first, in the times they were sent, whatever order they are consumed in.
/// </summary>
public sealed class DeskProcesses
{
    // Two machines' clocks differ a little; reports this close are not taken as overlapping.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(2);

    // A process not heard from for this long has ended, and is forgotten: by dispatch's clock
    // (so one machine's clock far ahead cannot make the others look ended) and by the times
    // sent (so a backlog in dispatch's queue cannot either).
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan SentTimeBelievedWithin = TimeSpan.FromDays(1);

    private readonly Lock gate = new();
    private readonly Dictionary<(string Desk, Guid Instance), Life> lives = [];

    // Pairs already named, the lower process id first, so a pair is named once whichever of
    // the two reports next.
    private readonly HashSet<(Guid Lower, Guid Higher)> said = [];

    /// <summary>Records a report the desk's process <paramref name="instance"/> sent at
    /// <paramref name="sentAt"/> (its wall clock), heard at <paramref name="heardAt"/>
    /// (dispatch's). Returns another process of the same desk alive at the same time, the first
    /// time the two are seen to overlap; otherwise null. Reports without a process (from
    /// before desks named theirs) are not counted.</summary>
    public Guid? SecondLiveProcess(string deskId, Guid instance, DateTimeOffset sentAt, DateTimeOffset heardAt)
    {
        if (instance == Guid.Empty || string.IsNullOrWhiteSpace(deskId))
        {
            return null;
        }

        // The sent time is the sender's word, and a client of any kind may write any time there
        // (the first or last instant there is): one a day or more from dispatch's clock is no
        // clock's drift nor any backlog's, and is not believed.
        if ((sentAt - heardAt).Duration() > SentTimeBelievedWithin)
        {
            sentAt = heardAt;
        }

        var desk = deskId.ToLowerInvariant();
        lock (gate)
        {
            var life = lives.TryGetValue((desk, instance), out var known)
                ? new Life(Earlier(known.First, sentAt), Later(known.Last, sentAt), heardAt)
                : new Life(sentAt, sentAt, heardAt);
            lives[(desk, instance)] = life;
            Forget(sentAt, heardAt);

            foreach (var ((otherDesk, other), otherLife) in lives)
            {
                if (otherDesk == desk && other != instance && Overlap(life, otherLife)
                    && said.Add(other.CompareTo(instance) < 0 ? (other, instance) : (instance, other)))
                {
                    return other;
                }
            }

            return null;
        }
    }

    private void Forget(DateTimeOffset sentAt, DateTimeOffset heardAt)
    {
        foreach (var ended in lives.Where(l => heardAt - l.Value.LastHeard > ForgetAfter && sentAt - l.Value.Last > ForgetAfter).Select(l => l.Key).ToList())
        {
            lives.Remove(ended);
            said.RemoveWhere(pair => pair.Lower == ended.Instance || pair.Higher == ended.Instance);
        }
    }

    private static bool Overlap(Life a, Life b) =>
        a.Last > b.First + ClockTolerance && b.Last > a.First + ClockTolerance;

    // First and last send times of one process's reports, and when dispatch last heard it.
    private readonly record struct Life(DateTimeOffset First, DateTimeOffset Last, DateTimeOffset LastHeard);
}
