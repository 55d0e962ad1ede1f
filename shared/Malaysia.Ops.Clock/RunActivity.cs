namespace Malaysia.Ops.Clock;

/// <summary>
/// What the run is doing at this moment: which of its loops are awake and how many messages
/// are on their way to a consumer or being consumed. The run is quiet when every loop sleeps
/// and no message is in flight; only then may virtual time move on, so everything that happens
/// at one simulated instant has happened before the next one comes.
/// </summary>
public sealed class RunActivity
{
    private readonly Lock gate = new();
    private readonly HashSet<Alarm> awake = [];
    private readonly HashSet<Alarm> sleeping = [];
    private long deliveriesInFlight;
    private TaskCompletionSource quiet = NewSignal();

    /// <summary>Messages consumed that were never counted as published: a queue receives a
    /// message type its endpoint did not declare, so "quiet" cannot be trusted.</summary>
    public long UncountedDeliveries { get; private set; }

    /// <summary>Deliveries published and not yet consumed: the depth of every queue together.</summary>
    public long InFlight
    {
        get
        {
            lock (gate)
            {
                return deliveriesInFlight;
            }
        }
    }

    public bool IsQuiet
    {
        get
        {
            lock (gate)
            {
                return QuietNow();
            }
        }
    }

    /// <summary>Completes when the run is quiet (at once when it already is).</summary>
    public Task WhenQuiet
    {
        get
        {
            lock (gate)
            {
                if (QuietNow())
                {
                    return Task.CompletedTask;
                }

                if (quiet.Task.IsCompleted)
                {
                    quiet = NewSignal();
                }

                return quiet.Task;
            }
        }
    }

    /// <summary>A message was published to <paramref name="consumers"/> queues.</summary>
    public void Published(int consumers)
    {
        lock (gate)
        {
            deliveriesInFlight += consumers;
        }
    }

    /// <summary>One queue's consumer finished with a message (handled or faulted).</summary>
    public void Consumed()
    {
        lock (gate)
        {
            if (deliveriesInFlight == 0)
            {
                // Counted, not thrown: this is called from the bus's observers.
                UncountedDeliveries++;
                return;
            }

            deliveriesInFlight--;
            SignalIfQuiet();
        }
    }

    /// <summary>A publish failed, so its deliveries will not happen.</summary>
    public void NotPublished(int consumers)
    {
        lock (gate)
        {
            deliveriesInFlight -= consumers;
            SignalIfQuiet();
        }
    }

    /// <summary>The alarm that is due first, oldest first among equals; null when no loop
    /// sleeps with a due time.</summary>
    public Alarm? NextDue()
    {
        lock (gate)
        {
            return sleeping
                .Where(a => a.Due is not null)
                .OrderBy(a => a.Due)
                .ThenBy(a => a.Order)
                .FirstOrDefault();
        }
    }

    /// <summary>Who keeps the run from being quiet, for the message of a stalled run.</summary>
    public string Describe()
    {
        lock (gate)
        {
            var loops = awake.Count == 0 ? "no loop awake" : "awake: " + string.Join(", ", awake.Select(a => a.Name).Order(StringComparer.Ordinal));
            return $"{loops}; {deliveriesInFlight} message deliveries in flight";
        }
    }

    /// <summary>Rings every loop's alarm: the clock changed pace, so each loop must work out
    /// its sleep again.</summary>
    public void RingAll()
    {
        List<Alarm> all;
        lock (gate)
        {
            all = [.. awake, .. sleeping];
        }

        foreach (var alarm in all)
        {
            alarm.Ring();
        }
    }

    internal void Awake(Alarm alarm)
    {
        lock (gate)
        {
            sleeping.Remove(alarm);
            awake.Add(alarm);
        }
    }

    internal void Sleeping(Alarm alarm)
    {
        lock (gate)
        {
            awake.Remove(alarm);
            sleeping.Add(alarm);
            SignalIfQuiet();
        }
    }

    internal void Gone(Alarm alarm)
    {
        lock (gate)
        {
            awake.Remove(alarm);
            sleeping.Remove(alarm);
            SignalIfQuiet();
        }
    }

    private bool QuietNow() => awake.Count == 0 && deliveriesInFlight == 0;

    private void SignalIfQuiet()
    {
        if (QuietNow())
        {
            quiet.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
