namespace Malaysia.Ops.Messaging.Senders;

/// <summary>What a message claims to be (<paramref name="Claim"/>, for the refusal's reason) and
/// the broker users who may send it.</summary>
public sealed record SenderRule(string Claim, IReadOnlyList<string> Users)
{
    /// <summary>A message speaking for the desk <paramref name="deskId"/>: only its user.</summary>
    public static SenderRule Desk(string? deskId, BrokerUsers users) =>
        new($"it speaks for desk '{deskId}'", [users.DeskUser(deskId ?? string.Empty)]);
}
