using Malaysia.Ops.Contracts;

namespace Malaysia.Ops.Dispatch.Store;

/// <summary>One thing dispatch applied to its state, in the order it applied them: a message it
/// consumed (with the message id the broker delivered it under, when it had one) or a move of
/// the shift clock; and what dispatch had to publish because of it, with whether that has been
/// published yet (the outbox: unpublished outputs are published again after a restart).</summary>
public sealed record JournalEntry(long Sequence, JournalInput Input, string? MessageId, IReadOnlyList<IOpsMessage> Outputs, bool Published);

/// <summary>What a journal entry applied: a consumed message or a shift-clock move.</summary>
public abstract record JournalInput;

public sealed record ConsumedMessage(IOpsMessage Message) : JournalInput;

/// <summary>The shift clock moved from one simulated instant to the next, announcing the shift
/// boundaries and escalating what fell due in between; <paramref name="DownDesks"/> were down
/// then (their work goes to desks that are up when their handoff closes unbriefed). Kept with
/// the move because it was read from the wall clock, which a replay cannot ask again.</summary>
public sealed record ShiftClockMoved(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string>? DownDesks = null) : JournalInput;
