namespace Malaysia.Ops.ServiceDefaults.Messaging.Senders;

/// <summary>What a message claims to be (<paramref name="Claim"/>, for the refusal's reason) and
/// who may send it: one of <paramref name="Users"/>, or with <paramref name="AnyDesk"/> any
/// desk's user as well.</summary>
public sealed record SenderRule(string Claim, IReadOnlyList<string> Users, bool AnyDesk = false)
{
    /// <summary>A message speaking for the desk <paramref name="deskId"/>: only its user.</summary>
    public static SenderRule Desk(string? deskId, BrokerUsers users) =>
        new($"it speaks for desk '{deskId}'", [users.DeskUser(deskId ?? string.Empty)]);
}
