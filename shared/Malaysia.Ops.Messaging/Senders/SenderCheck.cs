namespace Malaysia.Ops.Messaging.Senders;

/// <summary>Whether a message may come from who sent it: what it claims (to speak for a desk, to
/// be the console's request) holds only when it came from that claim's broker user.</summary>
public static class SenderCheck
{
    /// <summary>Null when <paramref name="sender"/> may send what <paramref name="rule"/> covers
    /// (or the message never left this process); otherwise what is wrong, naming the claim. A
    /// message from <paramref name="ownUser"/>, the user this process connects as, is taken:
    /// whoever holds this process's credentials can do what it does anyway, and services that
    /// share one user (a developer's guest) cannot be told apart.</summary>
    public static string? Problem(MessageSender sender, SenderRule rule, string? ownUser = null)
    {
        if (!sender.OverBroker
            || (sender.BrokerUser is { } user
                && (rule.Users.Contains(user, StringComparer.Ordinal) || string.Equals(user, ownUser, StringComparison.Ordinal))))
        {
            return null;
        }

        var allowed = string.Join(" or ", rule.Users.Select(u => $"'{u}'"));
        return $"{rule.Claim}, but it was sent by {sender}, not {allowed}";
    }
}
