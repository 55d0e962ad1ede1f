namespace Malaysia.Ops.Messaging.Senders;

/// <summary>A message that what would allow it may still be on its way to (it came by another
/// way than the message that allows it): retried like a transient fault, and refused as an
/// <see cref="InvalidMessageException"/> on the last attempt
/// (<see cref="MessageRefusals.RefuseUnlessRetried"/>).</summary>
public sealed class NotYetAllowedException(string message) : Exception(message);
