namespace Malaysia.Ops.Messaging;

/// <summary>
/// A message that no retry can make right (a poison message): its consumer throws this with
/// what is wrong, naming the field, and the message goes straight to the endpoint's error queue
/// with that reason while the service keeps consuming.
/// </summary>
public sealed class InvalidMessageException(string message) : Exception(message)
{
    /// <summary>Throws when <paramref name="problems"/> names anything wrong with a
    /// <paramref name="messageType"/>.</summary>
    public static void ThrowIfAny(string messageType, IEnumerable<string> problems)
    {
        var all = problems.ToList();
        if (all.Count > 0)
        {
            throw new InvalidMessageException($"{messageType} rejected: {string.Join("; ", all)}");
        }
    }
}
