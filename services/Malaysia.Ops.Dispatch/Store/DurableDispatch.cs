using Malaysia.Ops.Contracts;
using Malaysia.Ops.Domain.Clock;
using Malaysia.Ops.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Malaysia.Ops.Dispatch.Store;

/// <summary>
/// Dispatch's coordinator made durable. Every message dispatch consumes, and every move of its
/// shift clock, is applied and written to the ledger store (when "Dispatch:LedgerStorePath" is
/// set) before the message is acknowledged, together with what must be published because of it.
/// A restarted dispatch replays the store into a fresh coordinator (ledger, handoff book,
/// deadlines and escalation timers as they were), resumes the shift clock where it stopped, and
/// publishes what it had not yet published. A message delivered again under an id already in
/// the store changes nothing twice; its outputs are published if they were not.
/// </summary>
public sealed class DurableDispatch : IDisposable
{
    private readonly Lock gate = new();
    private readonly DispatchCoordinator coordinator;
    private readonly SqliteLedgerStore? store;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<DurableDispatch> logger;
    private readonly List<JournalEntry> unpublished = [];

    public DurableDispatch(DispatchCoordinator coordinator, SqliteLedgerStore? store, IHostApplicationLifetime lifetime, ILogger<DurableDispatch> logger)
    {
        this.coordinator = coordinator;
        this.store = store;
        this.lifetime = lifetime;
        this.logger = logger;
        if (store is not null)
        {
            Replay(store);
        }
    }

    public DispatchCoordinator Coordinator => coordinator;

    /// <summary>Where the shift clock stopped before a restart; null on a first start.</summary>
    public DateTimeOffset? ResumeShiftClockFrom { get; private set; }

    /// <summary>The run's clock as it was before a restart; null on a first start.</summary>
    public ClockSetting? RestoredClock => store?.Clock();

    /// <summary>Applies a consumed message and publishes what it calls for.</summary>
    public async Task ConsumeAsync<T>(ConsumeContext<T> context)
        where T : class, IOpsMessage
    {
        var entry = Apply(context.Message, context.MessageId?.ToString("N"));
        await PublishAsync(entry, context, context.CancellationToken);
    }

    /// <summary>Applies a consumed message and stores it; returns the entry whose outputs the
    /// caller must publish (then call <see cref="Published"/>). A message whose id is already
    /// stored is not applied again: its stored entry is returned.</summary>
    public JournalEntry Apply(IOpsMessage message, string? messageId)
    {
        lock (gate)
        {
            if (messageId is not null && store?.Find(messageId) is { } seen)
            {
                return seen;
            }

            return Store(new ConsumedMessage(message), messageId, coordinator.Apply(message));
        }
    }

    /// <summary>Moves the shift clock on and stores the move; returns the entry whose outputs
    /// (shift starts, handoffs opened, escalations, work taken from desks that are down) the
    /// caller must publish.</summary>
    public JournalEntry Advance(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> downDesks)
    {
        lock (gate)
        {
            return Store(new ShiftClockMoved(from, to, downDesks.Count > 0 ? downDesks : null), null, coordinator.Advance(from, to, downDesks));
        }
    }

    /// <summary>Publishes an entry's outputs, unless already published, and notes it.</summary>
    public async Task PublishAsync(JournalEntry entry, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        if (entry.Published)
        {
            return;
        }

        foreach (var message in entry.Outputs)
        {
            await publisher.PublishConfirmedAsync(message, cancellationToken);
        }

        Published(entry);
    }

    /// <summary>Notes that an entry's outputs reached the broker.</summary>
    public void Published(JournalEntry entry)
    {
        if (!entry.Published && store is not null)
        {
            lock (gate)
            {
                store.MarkPublished(entry.Sequence);
            }
        }
    }

    /// <summary>Publishes what a dispatch that stopped had applied but not yet published.</summary>
    public async Task PublishUnpublishedAsync(IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        List<JournalEntry> pending;
        lock (gate)
        {
            pending = [.. unpublished];
            unpublished.Clear();
        }

        if (pending.Count > 0)
        {
            logger.LogWarning("Publishing the outputs of {Count} journal entries the previous dispatch had not published", pending.Count);
        }

        foreach (var entry in pending)
        {
            await PublishAsync(entry, publisher, cancellationToken);
        }
    }

    /// <summary>Keeps the run's clock setting, so a restarted dispatch runs the same clock on.</summary>
    public void SaveClock(ClockSetting setting)
    {
        if (store is not null)
        {
            lock (gate)
            {
                store.SaveClock(setting);
            }
        }
    }

    public void Dispose() => store?.Dispose();

    private JournalEntry Store(JournalInput input, string? messageId, IReadOnlyList<IOpsMessage> outputs)
    {
        if (store is null)
        {
            return new JournalEntry(0, input, messageId, outputs, Published: outputs.Count == 0);
        }

        try
        {
            return store.Append(input, messageId, outputs);
        }
        catch (Exception e)
        {
            // The state in memory is now ahead of the store. Stopping is the only safe course:
            // the message is not acknowledged, and the restarted dispatch rebuilds from the
            // store and gets the message again.
            logger.LogCritical("The ledger store {Path} could not be written ({Reason}); dispatch stops so that a restart resumes from what is stored", store.Path, e.Message);
            lifetime.StopApplication();
            throw;
        }
    }

    private void Replay(SqliteLedgerStore from)
    {
        var entries = 0;
        foreach (var entry in from.Entries())
        {
            switch (entry.Input)
            {
                case ConsumedMessage consumed:
                    coordinator.Apply(consumed.Message);
                    break;
                case ShiftClockMoved moved:
                    coordinator.Advance(moved.From, moved.To, moved.DownDesks ?? []);
                    ResumeShiftClockFrom = moved.To;
                    break;
            }

            if (!entry.Published)
            {
                unpublished.Add(entry);
            }

            entries++;
        }

        if (entries > 0)
        {
            logger.LogWarning(
                "Dispatch resumed from its ledger store {Path}: {Entries} entries replayed, {Incidents} incidents, shift clock at {Cursor:u}, {Unpublished} entries still to publish",
                from.Path,
                entries,
                coordinator.IncidentCount,
                ResumeShiftClockFrom,
                unpublished.Count);
        }
    }
}
