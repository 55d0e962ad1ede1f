using Malaysia.Ops.Contracts;
using Malaysia.Ops.Clock;
using Malaysia.Ops.Messaging;
using Malaysia.Ops.Messaging.Senders;
using Malaysia.Ops.ServiceDefaults.Telemetry;
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
/// the store changes nothing twice; its outputs are published if they were not. Another message
/// under an id already taken is refused, not mistaken for a redelivery; and so is a desk's
/// message, heard from the broker, about work the desk was never given.
/// Applying is in memory and quick; writing is group commit: whoever waits for an entry to be
/// durable writes everything staged so far in one transaction, so under load one write
/// serves many messages, and the lock around the ledger is never held for a write.
/// </summary>
public sealed class DurableDispatch : IDisposable
{
    /// <summary>The kind counted for a message under another message's id.</summary>
    public const string ReusedId = "reused-id";

    /// <summary>The kind counted for a desk's message about work it was never given.</summary>
    public const string NotHolder = "not-holder";

    // Enough of each message to tell them apart in one line.
    private const int DescribedLength = 300;

    private readonly Lock gate = new();
    private readonly DispatchCoordinator coordinator;
    private readonly SqliteLedgerStore? store;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<DurableDispatch> logger;
    private readonly MessageRefusals refusals;
    private readonly OpsMetrics metrics;
    private readonly List<JournalEntry> unpublished = [];

    // One writer at a time; the gate is never held while writing.
    private readonly SemaphoreSlim writing = new(1, 1);

    // Applied, not yet written (in sequence order), and the same by message id, so a message
    // delivered again before its entry is written is still recognised.
    private readonly List<JournalEntry> staged = [];
    private readonly Dictionary<string, JournalEntry> stagedByMessageId = [];

    // Entries whose outputs reached the broker, not yet noted in the store.
    private readonly HashSet<long> stagedPublished = [];
    private long lastSequence;
    private long writtenThrough;
    private long publishedNotes;
    private long publishedNotesWritten;

    public DurableDispatch(DispatchCoordinator coordinator, SqliteLedgerStore? store, IHostApplicationLifetime lifetime, ILogger<DurableDispatch> logger, MessageRefusals refusals, OpsMetrics metrics)
    {
        this.coordinator = coordinator;
        this.store = store;
        this.lifetime = lifetime;
        this.logger = logger;
        this.refusals = refusals;
        this.metrics = metrics;
        if (store is not null)
        {
            Replay(store);
            lastSequence = writtenThrough = store.LastSequence();
        }
    }

    public DispatchCoordinator Coordinator => coordinator;

    /// <summary>Where the shift clock stopped before a restart; null on a first start.</summary>
    public DateTimeOffset? ResumeShiftClockFrom { get; private set; }

    /// <summary>The run's clock as it was before a restart; null on a first start.</summary>
    public ClockSetting? RestoredClock => store?.Clock();

    /// <summary>Applies a consumed message, waits until it is stored, and publishes what it
    /// calls for.</summary>
    public async Task ConsumeAsync<T>(ConsumeContext<T> context)
        where T : class, IOpsMessage
    {
        var entry = Apply(context.Message, context.MessageId?.ToString("N"), MessageSender.Of(context));
        await PublishAsync(entry, context, context.CancellationToken);
    }

    /// <summary>Applies a consumed message and stages it for the store; returns the entry whose
    /// outputs the caller must publish once it is stored (<see cref="PublishAsync"/>, or
    /// <see cref="StoredAsync"/> then <see cref="PublishedAsync"/>). A message whose id is already
    /// known is not applied again: the same message delivered again gets its entry back (and is
    /// counted); a different one is refused (an <see cref="InvalidMessageException"/> naming
    /// both). A message from a desk, vouched for by the broker (<paramref name="sender"/>), about
    /// work the coordinator never gave that desk is refused too.</summary>
    public JournalEntry Apply(IOpsMessage message, string? messageId, MessageSender sender = default)
    {
        string kind;
        string problem;
        lock (gate)
        {
            if (messageId is not null && Seen(messageId) is { } seen)
            {
                var (earlierKind, earlierBody) = JournalCodec.Write(seen.Input);
                var (kindNow, bodyNow) = JournalCodec.Write(new ConsumedMessage(message));
                if (earlierKind == kindNow && earlierBody == bodyNow)
                {
                    metrics.RedeliveriesDiscarded.Add(1, new KeyValuePair<string, object?>("message", kindNow));
                    return seen;
                }

                (kind, problem) = (ReusedId, $"message id {messageId} was applied to {earlierKind} {Described(earlierBody)}, and this {kindNow} {Described(bodyNow)} is another message under the same id");
            }
            else if (sender.OverBroker && coordinator.Refusal(message) is { } refusal)
            {
                (kind, problem) = (NotHolder, refusal);
            }
            else
            {
                return Stage(new ConsumedMessage(message), messageId, coordinator.Apply(message));
            }
        }

        throw refusals.Refuse(message.GetType().Name, sender, kind, problem);
    }

    private static string Described(string body) => body.Length <= DescribedLength ? body : string.Concat(body.AsSpan(0, DescribedLength), "...");

    /// <summary>Moves the shift clock on and stages the move; returns the entry whose outputs
    /// (shift starts, handoffs opened, escalations, work taken from desks that are down) the
    /// caller must publish once it is stored.</summary>
    public JournalEntry Advance(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> downDesks)
    {
        lock (gate)
        {
            return Stage(new ShiftClockMoved(from, to, downDesks.Count > 0 ? downDesks : null), null, coordinator.Advance(from, to, downDesks));
        }
    }

    /// <summary>Returns once <paramref name="entry"/> is in the store (at once without a store),
    /// writing it and everything staged before it if nobody else is.</summary>
    public async Task StoredAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        if (store is null || entry.Sequence <= Interlocked.Read(ref writtenThrough))
        {
            return;
        }

        await WriteStagedAsync(() => entry.Sequence > Interlocked.Read(ref writtenThrough), cancellationToken);
    }

    /// <summary>Waits until the entry is stored, then publishes its outputs unless already
    /// published, and notes in the store that they were.</summary>
    public async Task PublishAsync(JournalEntry entry, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        await StoredAsync(entry, cancellationToken);
        if (entry.Published)
        {
            return;
        }

        foreach (var message in entry.Outputs)
        {
            await publisher.PublishConfirmedAsync(message, cancellationToken);
        }

        await PublishedAsync(entry);
    }

    /// <summary>Notes that an entry's outputs reached the broker and waits until the store has
    /// the note. A stop does not cut the wait short: what was published must not be published
    /// again by the next dispatch.</summary>
    public async Task PublishedAsync(JournalEntry entry)
    {
        if (NotePublished(entry) is { } note)
        {
            await WriteStagedAsync(() => note > Interlocked.Read(ref publishedNotesWritten), CancellationToken.None);
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
            writing.Wait();
            try
            {
                store.SaveClock(setting);
            }
            finally
            {
                writing.Release();
            }
        }
    }

    /// <summary>Writes what is staged (a stop is orderly: what was applied is kept) and closes
    /// the store.</summary>
    public void Dispose()
    {
        if (store is not null)
        {
            writing.Wait();
            try
            {
                WriteStaged();
            }
            catch (Exception e)
            {
                logger.LogError("The ledger store {Path} could not be written at stop ({Reason}); the messages not yet acknowledged are delivered again to the next dispatch", store.Path, e.Message);
            }
            finally
            {
                writing.Release();
            }

            store.Dispose();
        }

        writing.Dispose();
    }

    private JournalEntry? Seen(string messageId)
    {
        var seen = stagedByMessageId.GetValueOrDefault(messageId) ?? store?.Find(messageId);
        return seen is not null && !seen.Published && stagedPublished.Contains(seen.Sequence) ? seen with { Published = true } : seen;
    }

    private JournalEntry Stage(JournalInput input, string? messageId, IReadOnlyList<IOpsMessage> outputs)
    {
        if (store is null)
        {
            return new JournalEntry(0, input, messageId, outputs, Published: outputs.Count == 0);
        }

        var entry = new JournalEntry(++lastSequence, input, messageId, outputs, Published: outputs.Count == 0);
        staged.Add(entry);
        if (messageId is not null)
        {
            stagedByMessageId[messageId] = entry;
        }

        return entry;
    }

    /// <summary>The number of this note, to wait for it to be written; null when there is
    /// nothing to note.</summary>
    private long? NotePublished(JournalEntry entry)
    {
        if (entry.Published || store is null)
        {
            return null;
        }

        lock (gate)
        {
            stagedPublished.Add(entry.Sequence);
            return ++publishedNotes;
        }
    }

    /// <summary>Waits for the writer's turn and writes what is staged, unless the writer before
    /// has written what the caller waits for already.</summary>
    private async Task WriteStagedAsync(Func<bool> stillNeeded, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (stillNeeded())
            {
                WriteStaged();
            }
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Writes the staged entries and notes in one transaction. Only with the writer's
    /// turn held.</summary>
    private void WriteStaged()
    {
        List<JournalEntry> entries;
        List<long> notes;
        long notesThrough;
        lock (gate)
        {
            entries = [.. staged];
            notes = [.. stagedPublished];
            notesThrough = publishedNotes;
            staged.Clear();
        }

        if (entries.Count == 0 && notes.Count == 0)
        {
            return;
        }

        try
        {
            store!.Write(entries, notes);
        }
        catch (Exception e)
        {
            lock (gate)
            {
                staged.InsertRange(0, entries);
            }

            // The state in memory is now ahead of the store. Stopping is the only safe course:
            // the messages are not acknowledged, and the restarted dispatch rebuilds from the
            // store and gets them again.
            logger.LogCritical("The ledger store {Path} could not be written ({Reason}); dispatch stops so that a restart resumes from what is stored", store!.Path, e.Message);
            lifetime.StopApplication();
            throw;
        }

        lock (gate)
        {
            foreach (var entry in entries)
            {
                if (entry.MessageId is { } id && ReferenceEquals(stagedByMessageId.GetValueOrDefault(id), entry))
                {
                    stagedByMessageId.Remove(id);
                }
            }

            stagedPublished.ExceptWith(notes);
            if (entries.Count > 0)
            {
                Interlocked.Exchange(ref writtenThrough, entries[^1].Sequence);
            }

            Interlocked.Exchange(ref publishedNotesWritten, notesThrough);
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
