namespace Malaysia.Ops.ServiceDefaults.Messaging.Senders;

/// <summary>Whether a message may come from who sent it: what it claims (to speak for a desk, to
/// be the console's request) holds only when it came from that claim's broker user.</summary>
public static class SenderCheck
{
    /// <summary>Null when <paramref name="sender"/> is one of <paramref name="allowedUsers"/> (or
    /// the message never left this process); otherwise what is wrong, naming the claim.</summary>
    public static string? Problem(MessageSender sender, string claim, params string[] allowedUsers)
    {
        if (!sender.OverBroker || (sender.BrokerUser is { } user && allowedUsers.Contains(user, StringComparer.Ordinal)))
        {
            return null;
        }

        return $"{claim}, but it was sent by {sender}, not {string.Join(" or ", allowedUsers.Select(u => $"'{u}'"))}";
    }
}
